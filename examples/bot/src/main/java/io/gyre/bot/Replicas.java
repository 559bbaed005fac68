package io.gyre.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The peers the bot's brain runs on, in the order to ask them: the one that answered last first (it
 * is alive), the ones that just failed last (a dead replica should cost one timeout, not one per
 * message). Thread-safe.
 */
final class Replicas {
  private List<String> peers = List.of();
  private final Set<String> failing = new LinkedHashSet<>();
  private Optional<String> lastAnswered = Optional.empty();

  /** The deal's units now; true when they changed. */
  synchronized boolean update(List<String> unitPeers) {
    if (unitPeers.equals(peers)) {
      return false;
    }
    peers = List.copyOf(unitPeers);
    failing.retainAll(peers);
    lastAnswered = lastAnswered.filter(peers::contains);
    return true;
  }

  synchronized List<String> peers() {
    return peers;
  }

  synchronized List<String> inOrder() {
    List<String> order = new ArrayList<>();
    lastAnswered.ifPresent(order::add);
    peers.stream().filter(p -> !order.contains(p) && !failing.contains(p)).forEach(order::add);
    failing.stream().filter(peers::contains).filter(p -> !order.contains(p)).forEach(order::add);
    return order;
  }

  synchronized void answered(String peer) {
    failing.remove(peer);
    lastAnswered = Optional.of(peer);
  }

  synchronized void failed(String peer) {
    failing.remove(peer);
    failing.add(peer);
    if (lastAnswered.equals(Optional.of(peer))) {
      lastAnswered = Optional.empty();
    }
  }
}
