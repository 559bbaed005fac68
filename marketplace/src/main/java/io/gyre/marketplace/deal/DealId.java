package io.gyre.marketplace.deal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A deal's id, {@code deal-N}: N counts deals in the order the marketplace took them. */
public record DealId(String value)
    implements Comparable<DealId>, io.gyre.persistence.CborSerializable {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public DealId {
    if (!value.startsWith("deal-")) {
      throw new IllegalArgumentException("not a deal id: " + value);
    }
  }

  public static DealId of(long sequence) {
    return new DealId("deal-" + sequence);
  }

  public long sequence() {
    return Long.parseLong(value.substring("deal-".length()));
  }

  @Override
  public int compareTo(DealId other) {
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
