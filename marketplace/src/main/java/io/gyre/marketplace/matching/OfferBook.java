package io.gyre.marketplace.matching;

import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import java.util.Optional;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePSet;

/**
 * The free compute units of all offers in matching order, immutable: every change returns a new
 * book sharing structure with the old one (O(log n)).
 */
public final class OfferBook {
  public static final OfferBook EMPTY =
      new OfferBook(TreePSet.empty(FreeUnit.MATCHING_ORDER), HashTreePMap.empty());

  private final PSortedSet<FreeUnit> ordered;
  private final PMap<UnitId, FreeUnit> byId;

  private OfferBook(PSortedSet<FreeUnit> ordered, PMap<UnitId, FreeUnit> byId) {
    this.ordered = ordered;
    this.byId = byId;
  }

  /** Free units in matching order: cheapest, then oldest. */
  public Iterable<FreeUnit> inMatchingOrder() {
    return ordered;
  }

  public int size() {
    return byId.size();
  }

  public Optional<FreeUnit> find(UnitId unit) {
    return Optional.ofNullable(byId.get(unit));
  }

  public OfferBook with(FreeUnit unit) {
    FreeUnit old = byId.get(unit.unit());
    PSortedSet<FreeUnit> base = old == null ? ordered : ordered.minus(old);
    return new OfferBook(base.plus(unit), byId.plus(unit.unit(), unit));
  }

  public OfferBook without(UnitId unit) {
    FreeUnit old = byId.get(unit);
    return old == null ? this : new OfferBook(ordered.minus(old), byId.minus(unit));
  }

  /** The book with every free unit of {@code offer} at the offer's current price. */
  public OfferBook repriced(Offer offer) {
    OfferBook book = this;
    for (var unit : offer.units()) {
      if (byId.containsKey(unit.id())) {
        book = book.with(FreeUnit.of(offer, unit));
      }
    }
    return book;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OfferBook that && byId.equals(that.byId);
  }

  @Override
  public int hashCode() {
    return byId.hashCode();
  }

  @Override
  public String toString() {
    return "OfferBook" + ordered;
  }
}
