package io.gyre.marketplace.offer;

import io.gyre.identity.PeerId;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An offer the marketplace holds: its provider, units, price, host functions and collateral.
 *
 * @param sequence the order it was placed in: among equal prices, older offers are matched first
 */
public record Offer(
    OfferId id,
    PeerId provider,
    List<ComputeUnit> units,
    long pricePerUnit,
    List<String> hostFunctions,
    long collateralPerUnit) {
  public Offer {
    units = List.copyOf(units);
    hostFunctions = List.copyOf(hostFunctions);
  }

  /** The offer {@code spec} becomes under {@code id}: its units numbered from 0. */
  public static Offer place(OfferId id, PeerId provider, OfferSpec spec) {
    List<ComputeUnit> units =
        IntStream.range(0, spec.unitPeers().size())
            .mapToObj(i -> new ComputeUnit(UnitId.of(id, i), spec.unitPeers().get(i)))
            .toList();
    return new Offer(
        id, provider, units, spec.pricePerUnit(), spec.hostFunctions(), spec.collateralPerUnit());
  }

  public long sequence() {
    return id.sequence();
  }

  public ComputeUnit unit(UnitId unit) {
    return units.get(unit.index());
  }

  public Offer withPrice(long price) {
    return new Offer(id, provider, units, price, hostFunctions, collateralPerUnit);
  }
}
