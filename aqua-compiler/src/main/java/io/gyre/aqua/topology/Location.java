package io.gyre.aqua.topology;

import io.gyre.aqua.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where code runs: the stack of {@code on} blocks around it, innermost first. The innermost peer is
 * where calls run; the relays ({@code via}) of each level are the way in and out.
 */
record Location(List<Frame> frames) {
  static final Location NOWHERE = new Location(List.of());

  /** One {@code on peer via ...}. */
  record Frame(Value peer, List<Value> via, boolean relayReturn) {
    Frame {
      via = List.copyOf(via);
    }
  }

  Location {
    frames = List.copyOf(frames);
  }

  Location enter(Frame frame) {
    List<Frame> out = new ArrayList<>(frames.size() + 1);
    out.add(frame);
    out.addAll(frames);
    return new Location(out);
  }

  Optional<Value> peer() {
    return frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(0).peer());
  }

  Optional<Frame> current() {
    return frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(0));
  }

  /** The location outside the innermost {@code on}. */
  Optional<Location> previous() {
    return frames.isEmpty()
        ? Optional.empty()
        : Optional.of(new Location(frames.subList(1, frames.size())));
  }

  /** The last relay of the innermost {@code on}. */
  Optional<Value> lastRelay() {
    return current()
        .flatMap(
            f ->
                f.via().isEmpty()
                    ? Optional.empty()
                    : Optional.of(f.via().get(f.via().size() - 1)));
  }

  /** The same stack with the first level that has relays moved onto its last relay. */
  Location toRelay() {
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      if (!f.via().isEmpty()) {
        List<Frame> out = new ArrayList<>();
        out.add(
            new Frame(
                f.via().get(f.via().size() - 1),
                f.via().subList(0, f.via().size() - 1),
                f.relayReturn()));
        out.addAll(frames.subList(i + 1, frames.size()));
        return new Location(out);
      }
    }
    return NOWHERE;
  }

  /** The longest common outer part of two locations. */
  Location commonOuter(Location other) {
    int a = frames.size();
    int b = other.frames.size();
    int n = 0;
    while (n < a && n < b && frames.get(a - 1 - n).equals(other.frames.get(b - 1 - n))) {
      n++;
    }
    return new Location(frames.subList(a - n, a));
  }
}
