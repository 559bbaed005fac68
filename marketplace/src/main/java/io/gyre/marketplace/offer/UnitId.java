package io.gyre.marketplace.offer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A compute unit's id: its offer and its place in the offer, {@code offer-N/I}. */
public record UnitId(String value) implements Comparable<UnitId> {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UnitId {
    int slash = value.indexOf('/');
    if (slash < 0 || !value.startsWith("offer-")) {
      throw new IllegalArgumentException("not a unit id: " + value);
    }
  }

  public static UnitId of(OfferId offer, int index) {
    return new UnitId(offer.value() + "/" + index);
  }

  public OfferId offer() {
    return new OfferId(value.substring(0, value.indexOf('/')));
  }

  public int index() {
    return Integer.parseInt(value.substring(value.indexOf('/') + 1));
  }

  @Override
  public int compareTo(UnitId other) {
    // offer-N/I: by N, then by I, both decimal without leading zeros (no allocation)
    int slash = value.indexOf('/');
    int otherSlash = other.value.indexOf('/');
    int byOffer = compareNumbers(value, 0, slash, other.value, 0, otherSlash);
    return byOffer != 0
        ? byOffer
        : compareNumbers(
            value, slash + 1, value.length(), other.value, otherSlash + 1, other.value.length());
  }

  private static int compareNumbers(
      String a, int from, int to, String b, int otherFrom, int otherTo) {
    int byLength = Integer.compare(to - from, otherTo - otherFrom);
    if (byLength != 0) {
      return byLength;
    }
    for (int i = 0; i < to - from; i++) {
      int byChar = Character.compare(a.charAt(from + i), b.charAt(otherFrom + i));
      if (byChar != 0) {
        return byChar;
      }
    }
    return 0;
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
