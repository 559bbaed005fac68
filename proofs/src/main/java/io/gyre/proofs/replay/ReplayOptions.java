package io.gyre.proofs.replay;

import java.time.Duration;

/**
 * A verifier's bounds on one re-execution.
 *
 * @param maxCalls the most calls it replays for one sample (the sampled one included)
 * @param wallTime the wall-time backstop of each replayed call (not part of the deterministic
 *     contract, so the verifier's own)
 */
public record ReplayOptions(int maxCalls, Duration wallTime) {

  public static final ReplayOptions DEFAULT = new ReplayOptions(100_000, Duration.ofSeconds(60));

  public ReplayOptions {
    if (maxCalls <= 0) {
      throw new IllegalArgumentException("maxCalls must be positive: " + maxCalls);
    }
  }
}
