package io.gyre.marketplace.internal;

import static io.gyre.marketplace.MarketError.Code.WRONG_STATE;

import io.gyre.marketplace.MarketEvent.BatchAudited;
import io.gyre.marketplace.MarketEvent.DealServed;
import io.gyre.marketplace.MarketEvent.EpochSettled;
import io.gyre.marketplace.MarketEvent.EpochStarted;
import io.gyre.marketplace.MarketEvent.MarketOpened;
import io.gyre.marketplace.MarketEvent.UnitDeployed;
import io.gyre.marketplace.MarketEvent.UnitRemoved;
import io.gyre.marketplace.MarketEvent.UnitsReleased;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.EndReason;
import io.gyre.marketplace.epoch.EpochRandomness;
import io.gyre.marketplace.epoch.Judgement;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The epoch's life: it starts (fresh randomness), the one before is audited and then settled — each
 * unit that served is paid from its deal's escrow or, on a missing or failed proof, slashed and
 * released; deals expire, run dry or are rematched. Pure; every step idempotent.
 */
public final class EpochRules {
  private final MarketSettings settings;
  private final Matcher matcher;

  public EpochRules(MarketSettings settings, MarketRules market) {
    this.settings = settings;
    this.matcher = market.matcher();
  }

  public Decision<Long> open(MarketState state, long epoch, String entropy) {
    if (state.opened()) {
      return Decision.refuse(WRONG_STATE, "the marketplace is open already");
    }
    Changes changes = new Changes(state);
    changes.emit(new MarketOpened(epoch, EpochRandomness.genesis(entropy)));
    return Decision.accept(changes, epoch);
  }

  /** Starts epoch {@code epoch} (later than the current one) once the last one was settled. */
  public Decision<Long> startEpoch(MarketState state, long epoch, String entropy) {
    if (!state.opened() || epoch <= state.epoch() || state.settlementDue()) {
      return Decision.refuse(
          WRONG_STATE,
          "epoch "
              + epoch
              + " cannot start: the current one is "
              + state.epoch()
              + (state.settlementDue()
                  ? " and epoch " + state.previousEpoch() + " is unsettled"
                  : ""));
    }
    Changes changes = new Changes(state);
    changes.emit(
        new EpochStarted(epoch, entropy, EpochRandomness.next(state.randomness(), epoch, entropy)));
    return Decision.accept(changes, epoch);
  }

  /** The batches of the epoch being settled that still await their audit. */
  public List<BatchCommitment> pendingAudits(MarketState state) {
    List<BatchCommitment> pending = new ArrayList<>();
    if (!state.settlementDue()) {
      return pending;
    }
    long epoch = state.previousEpoch();
    for (Deal deal : state.deals().values()) {
      for (Assignment assignment : deal.assignments()) {
        if (assignment.servedIn(epoch)
            && state.evidence().audit(deal.id(), assignment.unit(), epoch).isEmpty()) {
          state.evidence().batch(deal.id(), assignment.unit(), epoch).ifPresent(pending::add);
        }
      }
    }
    return pending;
  }

  /** Records an audit's verdict; a stale or repeated one changes nothing. */
  public Decision<Verdict> recordAudit(
      MarketState state, DealId deal, UnitId unit, long epoch, Verdict verdict) {
    Changes changes = new Changes(state);
    boolean awaited =
        state.settlementDue()
            && epoch == state.previousEpoch()
            && state.evidence().batch(deal, unit, epoch).isPresent()
            && state.evidence().audit(deal, unit, epoch).isEmpty();
    if (awaited) {
      changes.emit(new BatchAudited(deal, unit, epoch, verdict));
    }
    return Decision.accept(changes, verdict);
  }

  /** Settles the epoch before the current one once every audit is in; the result is the epoch. */
  public Decision<Long> settle(MarketState state) {
    if (!state.settlementDue() || !pendingAudits(state).isEmpty()) {
      return Decision.refuse(
          WRONG_STATE,
          state.settlementDue()
              ? "epoch " + state.previousEpoch() + " still awaits audits"
              : "no epoch awaits settlement");
    }
    long epoch = state.previousEpoch();
    Changes changes = new Changes(state);
    for (Deal deal : state.deals().values()) {
      if (deal.phase() == Deal.Phase.ACTIVE) {
        settleDeal(changes, deal, epoch);
      }
    }
    matcher.matchAll(changes);
    for (Deal deal : changes.state().deals().values()) {
      long escrow = changes.state().ledger().balance(Account.escrow(deal.id().value()));
      if (deal.phase() == Deal.Phase.ACTIVE && escrow < deal.epochCost()) {
        Matcher.end(changes, deal, EndReason.BALANCE_EXHAUSTED);
      }
    }
    changes.emit(new EpochSettled(epoch));
    return Decision.accept(changes, epoch);
  }

  private void settleDeal(Changes changes, Deal deal, long epoch) {
    Account escrow = Account.escrow(deal.id().value());
    List<UnitId> failed = new ArrayList<>();
    boolean served = false;
    for (Assignment assignment : deal.assignments()) {
      if (!assignment.servedIn(epoch)) {
        continue;
      }
      Judgement judgement =
          Judgement.of(
              changes.state().evidence().of(deal.id(), assignment.unit(), epoch),
              settings.minCapacityProofs());
      if (judgement.paid()) {
        served = true;
        changes.transfer(
            escrow,
            Account.earnings(assignment.provider().base58()),
            Math.min(assignment.price(), changes.state().ledger().balance(escrow)),
            deal.id() + " epoch " + epoch + " " + assignment.unit());
      } else {
        slash(changes, assignment, epoch, judgement);
        failed.add(assignment.unit());
      }
    }
    if (served) {
      changes.emit(new DealServed(deal.id(), epoch));
    }
    if (!failed.isEmpty()) {
      changes.emit(new UnitsReleased(deal.id(), failed, true));
    }
    Deal now = changes.state().deals().get(deal.id());
    if (now.epochsServed() >= now.spec().durationEpochs()) {
      Matcher.end(changes, now, EndReason.EXPIRED);
    } else if (!now.assignments().isEmpty() && now.assignments().size() < now.spec().minUnits()) {
      changes.emit(
          new UnitsReleased(
              now.id(), now.assignments().stream().map(Assignment::unit).toList(), false));
    }
  }

  private void slash(Changes changes, Assignment assignment, long epoch, Judgement judgement) {
    Offer offer = changes.state().offers().get(assignment.unit().offer());
    if (offer == null) {
      return;
    }
    Account collateral = Account.collateral(offer.id().value());
    long perUnit = offer.collateralPerUnit();
    int points = settings.slashBasisPoints();
    long share = perUnit / 10_000 * points + perUnit % 10_000 * points / 10_000;
    changes.transfer(
        collateral,
        Account.SLASHED,
        Math.min(share, changes.state().ledger().balance(collateral)),
        "slash "
            + assignment.unit()
            + " epoch "
            + epoch
            + ": "
            + judgement.name().toLowerCase(Locale.ROOT));
  }

  /** Records that a matched unit's services are deployed (once). */
  public Decision<Boolean> deployed(MarketState state, DealId deal, UnitId unit) {
    Changes changes = new Changes(state);
    if (state.pendingDeployments().containsKey(MarketState.key(deal, unit))) {
      changes.emit(new UnitDeployed(deal, unit));
    }
    return Decision.accept(changes, true);
  }

  /** Records that a released unit's services are removed (once). */
  public Decision<Boolean> removed(MarketState state, DealId deal, UnitId unit) {
    Changes changes = new Changes(state);
    if (state.pendingRemovals().containsKey(MarketState.key(deal, unit))) {
      changes.emit(new UnitRemoved(deal, unit));
    }
    return Decision.accept(changes, true);
  }
}
