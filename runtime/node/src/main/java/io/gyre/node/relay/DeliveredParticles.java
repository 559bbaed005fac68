package io.gyre.node.relay;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The particles a relay handed to one client, until their TTL: a client may send back only those
 * (and the ones it starts itself). At most {@code capacity} are remembered, the oldest forgotten
 * first, so a client cannot make its relay hold unbounded memory. Not thread-safe.
 */
final class DeliveredParticles {
  private record Entry(String particleId, long deadlineMs) {}

  private final int capacity;
  private final Map<String, Long> deadlines = new HashMap<>();
  private final ArrayDeque<Entry> order = new ArrayDeque<>();

  DeliveredParticles(int capacity) {
    this.capacity = capacity;
  }

  void delivered(String particleId, long deadlineMs, long nowMs) {
    if (deadlines.put(particleId, deadlineMs) == null) {
      order.add(new Entry(particleId, deadlineMs));
    }
    forgetExpired(nowMs);
    while (order.size() > capacity) {
      deadlines.remove(order.poll().particleId());
    }
  }

  /** True when {@code particleId} was delivered and its TTL has not passed. */
  boolean live(String particleId, long nowMs) {
    Long deadline = deadlines.get(particleId);
    return deadline != null && deadline >= nowMs;
  }

  int size() {
    return deadlines.size();
  }

  private void forgetExpired(long nowMs) {
    while (!order.isEmpty() && order.peek().deadlineMs() < nowMs) {
      Entry gone = order.poll();
      deadlines.remove(gone.particleId(), gone.deadlineMs());
    }
  }
}
