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
    int byOffer = offer().compareTo(other.offer());
    return byOffer != 0 ? byOffer : Integer.compare(index(), other.index());
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
