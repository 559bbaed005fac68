package io.gyre.air.simulation;

import io.gyre.air.CallResult;

/**
 * A service's answer and the virtual delay after which it arrives ({@code peer.timeout} answers
 * after its argument; everything else at once). Delays advance the simulator's clock; nothing
 * sleeps.
 */
public record ServiceReply(CallResult result, long delayMs) {

  public static ServiceReply now(CallResult result) {
    return new ServiceReply(result, 0);
  }

  public ServiceReply {
    if (delayMs < 0) {
      throw new IllegalArgumentException("delay must not be negative: " + delayMs);
    }
  }
}
