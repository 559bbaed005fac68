package io.gyre.marketplace.internal;

import io.gyre.marketplace.MarketEvent.DealEnded;
import io.gyre.marketplace.MarketEvent.UnitsMatched;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.EndReason;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.matching.FreeUnit;
import io.gyre.marketplace.matching.MatchingEngine;
import io.gyre.marketplace.offer.Offer;
import java.util.ArrayList;
import java.util.List;

/** Runs the matching engine over the open deals and records what it matched; ends deals. */
final class Matcher {
  private final MatchingEngine engine;

  Matcher(MatchingEngine engine) {
    this.engine = engine;
  }

  /** Every open deal short of its target, oldest first, gets what the book can give it. */
  void matchAll(Changes changes) {
    for (Deal deal : wanting(changes)) {
      match(changes, changes.state().deals().get(deal.id()));
    }
  }

  /**
   * After {@code offer}'s units came free (placed, repriced): only they are new to the book, so
   * only deals that could take one of them can match now, and once none is left nothing more can.
   */
  void matchNewUnits(Changes changes, Offer offer) {
    for (Deal deal : wanting(changes)) {
      if (offer.units().stream().noneMatch(u -> changes.state().book().find(u.id()).isPresent())) {
        return;
      }
      if (offer.pricePerUnit() <= deal.spec().maxPricePerUnit()
          && deal.spec().admits(offer.provider())
          && offer.hostFunctions().containsAll(deal.spec().hostFunctions())) {
        match(changes, changes.state().deals().get(deal.id()));
      }
    }
  }

  private static List<Deal> wanting(Changes changes) {
    List<Deal> wanting = new ArrayList<>();
    for (Deal deal : changes.state().deals().values()) {
      if (deal.isOpen() && deal.assignments().size() < deal.spec().targetUnits()) {
        wanting.add(deal);
      }
    }
    return wanting;
  }

  /** Matches {@code deal} when it is funded (pending) or short of its target (active). */
  void match(Changes changes, Deal deal) {
    MarketState state = changes.state();
    if (deal.phase() == Deal.Phase.PENDING && !funded(state, deal)) {
      return;
    }
    List<FreeUnit> picked = engine.match(deal, state.book());
    if (picked.isEmpty()) {
      return;
    }
    List<Assignment> assignments = new ArrayList<>();
    for (FreeUnit unit : picked) {
      assignments.add(
          new Assignment(
              unit.unit(), unit.provider(), unit.peer(), unit.price(), state.epoch() + 1));
    }
    changes.emit(new UnitsMatched(deal.id(), assignments));
  }

  /** Whether the deal's escrow holds 2 × target × max price (Fluence's rule to start). */
  static boolean funded(MarketState state, Deal deal) {
    return deal.requiredBalance()
        .map(required -> state.ledger().balance(Account.escrow(deal.id().value())) >= required)
        .orElse(false);
  }

  /** Ends the deal and refunds what its escrow holds to its owner's wallet. */
  static void end(Changes changes, Deal deal, EndReason reason) {
    changes.emit(new DealEnded(deal.id(), reason));
    Account escrow = Account.escrow(deal.id().value());
    changes.transfer(
        escrow,
        Account.wallet(deal.owner().base58()),
        changes.state().ledger().balance(escrow),
        deal.id() + " refund (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")");
  }
}
