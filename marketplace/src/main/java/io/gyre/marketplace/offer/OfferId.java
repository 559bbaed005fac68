package io.gyre.marketplace.offer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An offer's id, {@code offer-N}: N counts offers in the order the marketplace took them. */
public record OfferId(String value)
    implements Comparable<OfferId>, io.gyre.persistence.CborSerializable {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public OfferId {
    if (!value.startsWith("offer-")) {
      throw new IllegalArgumentException("not an offer id: " + value);
    }
  }

  public static OfferId of(long sequence) {
    return new OfferId("offer-" + sequence);
  }

  public long sequence() {
    return Long.parseLong(value.substring("offer-".length()));
  }

  @Override
  public int compareTo(OfferId other) {
    // same prefix, decimal numbers without leading zeros: shorter is smaller, then by digits
    int byLength = Integer.compare(value.length(), other.value.length());
    return byLength != 0 ? byLength : value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
