package io.gyre.air.internal.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream (or stream map) as this run sees it: elements ordered by the rank of the batch that
 * produced them (this peer's arrival order), then by the order the run met them. New elements
 * therefore always go after known ones, so a fold that waits on the stream sees a growing prefix.
 */
final class StreamInstance {
  /**
   * An element: its value, the rank of its batch, and its identity (the producing record's key).
   */
  record Element(Val value, int rank, long id) {}

  private final List<Element> elements = new ArrayList<>();

  int size() {
    return elements.size();
  }

  Element get(int i) {
    return elements.get(i);
  }

  List<Element> elements() {
    return elements;
  }

  /** Inserts by rank; throws the uncatchable stream-size error past {@code maxElements}. */
  void add(Val value, int rank, long id, int maxElements) {
    if (elements.size() >= maxElements) {
      throw new AirException(
          AirError.uncatchable(
              AirError.STREAM_SIZE,
              "stream size goes over the allowed limit of " + (maxElements + 1)));
    }
    int at = elements.size();
    while (at > 0 && elements.get(at - 1).rank() > rank) {
      at--;
    }
    elements.add(at, new Element(value, rank, id));
  }
}
