package io.gyre.marketplace.matching;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.offer.ComputeUnit;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import java.util.Comparator;
import java.util.List;

/** A compute unit no deal holds, with what matching needs to know about its offer. */
public record FreeUnit(
    UnitId unit, PeerId peer, PeerId provider, long price, List<String> hostFunctions) {
  /** Cheapest first, then the oldest offer, then the unit's place in its offer. */
  public static final Comparator<FreeUnit> MATCHING_ORDER =
      Comparator.comparingLong(FreeUnit::price).thenComparing(FreeUnit::unit);

  public FreeUnit {
    hostFunctions = List.copyOf(hostFunctions);
  }

  public static FreeUnit of(Offer offer, ComputeUnit unit) {
    return new FreeUnit(
        unit.id(), unit.peer(), offer.provider(), offer.pricePerUnit(), offer.hostFunctions());
  }
}
