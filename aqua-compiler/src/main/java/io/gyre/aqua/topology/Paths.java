package io.gyre.aqua.topology;

import io.gyre.aqua.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peers a particle passes through between two locations: out through the relays of the levels
 * it leaves (innermost first), in through the relays of the levels it enters, without loops and
 * without the start and end peers themselves.
 */
final class Paths {
  private Paths() {}

  static List<Value> between(Location from, Location to) {
    if (from.equals(to)) {
      return List.of();
    }
    List<Location.Frame> fromOuter = reversed(from.frames());
    List<Location.Frame> toOuter = reversed(to.frames());
    int common = 0;
    while (common < fromOuter.size()
        && common < toOuter.size()
        && fromOuter.get(common).equals(toOuter.get(common))) {
      common++;
    }
    List<Location.Frame> leave = new ArrayList<>(fromOuter.subList(common, fromOuter.size()));
    List<Location.Frame> enter = new ArrayList<>(toOuter.subList(common, toOuter.size()));
    Optional<Value> fromPeer = from.peer();
    Optional<Value> toPeer = to.peer();
    boolean samePeer = fromPeer.equals(toPeer);
    if (leave.isEmpty() && !samePeer && !fromOuter.isEmpty()) {
      leave = List.of(fromOuter.get(fromOuter.size() - 1));
    }
    if (enter.isEmpty() && !samePeer && !toOuter.isEmpty()) {
      enter = List.of(toOuter.get(toOuter.size() - 1));
    }
    List<Value> path = new ArrayList<>();
    fromPeer.ifPresent(path::add);
    for (int i = leave.size() - 1; i >= 0; i--) {
      List<Value> via = leave.get(i).via();
      for (int j = via.size() - 1; j >= 0; j--) {
        path.add(via.get(j));
      }
    }
    for (Location.Frame f : enter) {
      path.addAll(f.via());
    }
    toPeer.ifPresent(path::add);
    return withoutEnds(withoutLoops(path), fromPeer, toPeer);
  }

  /** Like {@link #between}, but ends with a hop to the target peer itself. */
  static List<Value> enforced(Location from, Location to) {
    List<Value> path = new ArrayList<>(between(from, to));
    to.peer()
        .ifPresent(
            p -> {
              if (path.isEmpty() || !path.get(path.size() - 1).equals(p)) {
                path.add(p);
              }
            });
    return path;
  }

  private static List<Value> withoutLoops(List<Value> peers) {
    List<Value> out = new ArrayList<>();
    for (Value p : peers) {
      if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
        continue;
      }
      int seen = out.indexOf(p);
      if (seen >= 0) {
        out.subList(seen + 1, out.size()).clear();
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Value> withoutEnds(
      List<Value> path, Optional<Value> from, Optional<Value> to) {
    List<Value> out = new ArrayList<>(path);
    if (from.isPresent() && !out.isEmpty() && out.get(0).equals(from.get())) {
      out.remove(0);
    }
    if (to.isPresent() && !out.isEmpty() && out.get(out.size() - 1).equals(to.get())) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }
}
