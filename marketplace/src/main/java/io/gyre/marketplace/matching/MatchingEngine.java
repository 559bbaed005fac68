package io.gyre.marketplace.matching;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks free units for a deal, a pure function of the deal and the book. Cheapest first, then
 * oldest offer; only units at or below the deal's max price, of admitted providers, that allow
 * every host function the deal needs, not excluded from the deal; at most one unit per peer per
 * deal and at most {@code maxUnitsPerProvider} units of one provider per deal. A deal that would
 * still hold fewer than its minimum gets nothing: it stays as it is.
 */
public final class MatchingEngine {
  private final int maxUnitsPerProvider;

  public MatchingEngine(int maxUnitsPerProvider) {
    if (maxUnitsPerProvider < 1) {
      throw new IllegalArgumentException(
          "the cap per provider must be at least 1, not " + maxUnitsPerProvider);
    }
    this.maxUnitsPerProvider = maxUnitsPerProvider;
  }

  /** Units to add so {@code deal} holds its target, or none when it could not reach its minimum. */
  public List<FreeUnit> match(Deal deal, OfferBook book) {
    int held = deal.assignments().size();
    int wanted = deal.spec().targetUnits() - held;
    if (wanted <= 0) {
      return List.of();
    }
    Set<PeerId> peers = new HashSet<>();
    Map<PeerId, Integer> perProvider = new HashMap<>();
    for (Assignment assignment : deal.assignments()) {
      peers.add(assignment.peer());
      perProvider.merge(assignment.provider(), 1, Integer::sum);
    }
    List<FreeUnit> picked = new ArrayList<>();
    for (FreeUnit unit : book.inMatchingOrder()) {
      if (unit.price() > deal.spec().maxPricePerUnit() || picked.size() == wanted) {
        break;
      }
      if (fits(deal, unit, peers, perProvider)) {
        picked.add(unit);
        peers.add(unit.peer());
        perProvider.merge(unit.provider(), 1, Integer::sum);
      }
    }
    return held + picked.size() < deal.spec().minUnits() ? List.of() : List.copyOf(picked);
  }

  private boolean fits(
      Deal deal, FreeUnit unit, Set<PeerId> peers, Map<PeerId, Integer> perProvider) {
    return !peers.contains(unit.peer())
        && perProvider.getOrDefault(unit.provider(), 0) < maxUnitsPerProvider
        && deal.spec().admits(unit.provider())
        && !deal.excluded().contains(unit.unit())
        && unit.hostFunctions().containsAll(deal.spec().hostFunctions());
  }
}
