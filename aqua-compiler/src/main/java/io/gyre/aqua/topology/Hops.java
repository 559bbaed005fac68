package io.gyre.aqua.topology;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hops around one operation: into it from where the particle was (and through the relay when
 * the first peer that works is behind one), and out of it when it must leave — a {@code par} branch
 * pings the peer that joins it, an {@code on} with a relay return stops at the relay, a {@code
 * fail} goes all the way back to the peer that handles the error.
 */
final class Hops {
  private Hops() {}

  static List<Value> before(TNode node) {
    Location before = node.beforeOn();
    Location begins = node.beginsOn();
    List<Value> path = new ArrayList<>(Paths.between(before, begins));
    Optional<Location> first = node.firstExecutesOn();
    if (first.isPresent() && !first.get().equals(begins)) {
      relayEnforcement(before, begins).ifPresent(path::add);
    }
    if (node.op instanceof Op.Fail && !path.isEmpty()) {
      Optional<Value> peer = begins.peer();
      if (peer.isPresent() && !path.get(path.size() - 1).equals(peer.get())) {
        path.add(peer.get());
      }
    }
    return path;
  }

  /** The begin peer when it is the last relay of the level around it and not where we are. */
  private static Optional<Value> relayEnforcement(Location before, Location begin) {
    Optional<Value> peer = begin.peer();
    if (peer.isEmpty()) {
      return Optional.empty();
    }
    boolean isLastRelay =
        begin.previous().flatMap(Location::lastRelay).filter(peer.get()::equals).isPresent();
    boolean alreadyThere = before.peer().filter(peer.get()::equals).isPresent();
    return isLastRelay && !alreadyThere ? peer : Optional.empty();
  }

  static List<Value> after(TNode node) {
    TNode parent = node.parent;
    boolean pingNext =
        parent != null
            && (parent.op instanceof Op.Par
                || parent.op instanceof Op.Xor && node.closestParExit().isPresent());
    TNode.Exit exit = node.forceExit();
    if (exit == TNode.Exit.TO_RELAY) {
      return Paths.enforced(node.endsOn(), node.pathOn().toRelay());
    }
    if (pingNext) {
      return exit == TNode.Exit.FULL ? afterAndPingNext(node) : List.of();
    }
    return exit == TNode.Exit.FULL ? Paths.between(node.endsOn(), node.afterOn()) : List.of();
  }

  /** Out of a par branch: to where it is joined, and a hop onto that peer to bring it the data. */
  private static List<Value> afterAndPingNext(TNode node) {
    Location e = node.endsOn();
    Location a = node.afterOn();
    List<Value> path = new ArrayList<>(Paths.between(e, a));
    if (e.equals(a)) {
      return path;
    }
    Optional<Location> last = node.lastExecutesOn();
    if (last.isPresent() && last.get().equals(e)) {
      if (a.current().isPresent() && !a.current().equals(e.current())) {
        path.add(a.peer().get());
      }
    } else {
      relayEnforcement(a, e).ifPresent(path::add);
      a.peer().ifPresent(path::add);
    }
    return path;
  }
}
