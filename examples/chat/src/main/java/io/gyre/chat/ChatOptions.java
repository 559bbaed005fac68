package io.gyre.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link ChatSession} works.
 *
 * @param roomHost the peer that hosts the room; empty: the one {@link RoomHost} picks
 * @param callTimeout how long joining, posting and leaving may take each
 * @param deliveryTtl how long a message to one member may take before it counts as not delivered
 */
public record ChatOptions(Optional<String> roomHost, Duration callTimeout, Duration deliveryTtl) {
  public ChatOptions {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("chat: callTimeout must be positive");
    }
    if (deliveryTtl.isNegative() || deliveryTtl.isZero()) {
      throw new IllegalArgumentException("chat: deliveryTtl must be positive");
    }
  }

  public static ChatOptions defaults() {
    return new ChatOptions(Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  public ChatOptions withRoomHost(String peerId) {
    return new ChatOptions(Optional.of(peerId), callTimeout, deliveryTtl);
  }

  public ChatOptions withDeliveryTtl(Duration value) {
    return new ChatOptions(roomHost, callTimeout, value);
  }
}
