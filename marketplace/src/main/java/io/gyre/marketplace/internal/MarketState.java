package io.gyre.marketplace.internal;

import io.gyre.marketplace.MarketDump;
import io.gyre.marketplace.MarketEvent;
import io.gyre.marketplace.MarketEvent.BatchAudited;
import io.gyre.marketplace.MarketEvent.BatchCommitted;
import io.gyre.marketplace.MarketEvent.CapacityProofAccepted;
import io.gyre.marketplace.MarketEvent.DealEnded;
import io.gyre.marketplace.MarketEvent.DealOpened;
import io.gyre.marketplace.MarketEvent.DealServed;
import io.gyre.marketplace.MarketEvent.EpochSettled;
import io.gyre.marketplace.MarketEvent.EpochStarted;
import io.gyre.marketplace.MarketEvent.MarketOpened;
import io.gyre.marketplace.MarketEvent.OfferPlaced;
import io.gyre.marketplace.MarketEvent.OfferRepriced;
import io.gyre.marketplace.MarketEvent.OfferWithdrawn;
import io.gyre.marketplace.MarketEvent.Transferred;
import io.gyre.marketplace.MarketEvent.UnitDeployed;
import io.gyre.marketplace.MarketEvent.UnitRemoved;
import io.gyre.marketplace.MarketEvent.UnitsMatched;
import io.gyre.marketplace.MarketEvent.UnitsReleased;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deploy.Deployment;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Ledger;
import io.gyre.marketplace.matching.FreeUnit;
import io.gyre.marketplace.matching.OfferBook;
import io.gyre.marketplace.offer.ComputeUnit;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.UnitId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * Everything the marketplace knows, immutable; {@link #apply} is the only way it changes and
 * accepts any event (events are facts). Snapshots are its {@link MarketDump}.
 *
 * @param unitDeals which open deal holds each matched unit
 */
public record MarketState(
    boolean opened,
    long epoch,
    long previousEpoch,
    long lastSettledEpoch,
    String randomness,
    long offersPlaced,
    long dealsOpened,
    PSortedMap<OfferId, Offer> offers,
    PSortedMap<DealId, Deal> deals,
    PSortedMap<UnitId, DealId> unitDeals,
    OfferBook book,
    Ledger ledger,
    Evidence evidence,
    PSortedMap<String, Deployment> pendingDeployments,
    PSortedMap<String, Deployment> pendingRemovals) {
  public static final MarketState EMPTY =
      new MarketState(
          false,
          0,
          -1,
          -1,
          "",
          0,
          0,
          TreePMap.empty(),
          TreePMap.empty(),
          TreePMap.empty(),
          OfferBook.EMPTY,
          Ledger.EMPTY,
          Evidence.EMPTY,
          TreePMap.empty(),
          TreePMap.empty());

  public Optional<Offer> offer(OfferId id) {
    return Optional.ofNullable(offers.get(id));
  }

  public Optional<Deal> deal(DealId id) {
    return Optional.ofNullable(deals.get(id));
  }

  /** The deal with its status (Fluence's) and escrow. */
  public Optional<io.gyre.marketplace.DealView> view(DealId id) {
    return deal(id)
        .map(
            deal -> {
              io.gyre.marketplace.deal.DealStatus status =
                  switch (deal.phase()) {
                    case ENDED -> io.gyre.marketplace.deal.DealStatus.ENDED;
                    case ACTIVE -> io.gyre.marketplace.deal.DealStatus.ACTIVE;
                    case PENDING ->
                        Matcher.funded(this, deal)
                            ? io.gyre.marketplace.deal.DealStatus.NOT_ENOUGH_WORKERS
                            : io.gyre.marketplace.deal.DealStatus.INSUFFICIENT_FUNDS;
                  };
              return new io.gyre.marketplace.DealView(
                  deal, status, ledger.balance(Account.escrow(id.value())));
            });
  }

  /** Whether the epoch before the current one still awaits settlement. */
  /** The epoch, its randomness and the units assigned to {@code peer}. */
  public io.gyre.marketplace.PeerDuties duties(io.gyre.identity.PeerId peer) {
    java.util.List<io.gyre.marketplace.PeerDuties.Served> units = new java.util.ArrayList<>();
    for (java.util.Map.Entry<UnitId, DealId> served : unitDeals.entrySet()) {
      Deal deal = deals.get(served.getValue());
      if (deal == null) {
        continue;
      }
      deal.assignment(served.getKey())
          .filter(a -> a.peer().equals(peer))
          .ifPresent(
              a ->
                  units.add(new io.gyre.marketplace.PeerDuties.Served(deal.id(), deal.phase(), a)));
    }
    return new io.gyre.marketplace.PeerDuties(opened, epoch, randomness, units);
  }

  public boolean settlementDue() {
    return opened && lastSettledEpoch < previousEpoch;
  }

  public MarketState apply(MarketEvent event) {
    if (event instanceof MarketOpened e) {
      return withEpochs(true, e.epoch(), e.epoch() - 1, e.epoch() - 1, e.randomness());
    } else if (event instanceof EpochStarted e) {
      return withEpochs(true, e.epoch(), epoch, lastSettledEpoch, e.randomness());
    } else if (event instanceof EpochSettled e) {
      return withEpochs(true, epoch, previousEpoch, e.epoch(), randomness)
          .withEvidence(evidence.settledUpTo(e.epoch()));
    } else if (event instanceof Transferred e) {
      return withLedger(ledger.post(e.transfer()));
    } else if (event instanceof OfferPlaced e) {
      return placed(e.offer());
    } else if (event instanceof OfferRepriced e) {
      return repriced(e.offer(), e.price());
    } else if (event instanceof OfferWithdrawn e) {
      return withdrawn(e.offer());
    } else if (event instanceof DealOpened e) {
      return opened(Deal.open(e.deal(), e.owner(), e.spec()));
    } else if (event instanceof UnitsMatched e) {
      return matched(e.deal(), e.assignments());
    } else if (event instanceof UnitsReleased e) {
      return released(e.deal(), e.units(), e.failed());
    } else if (event instanceof DealEnded e) {
      return ended(e);
    } else if (event instanceof DealServed e) {
      return withDeal(deals.get(e.deal()).served());
    } else if (event instanceof CapacityProofAccepted e) {
      return withEvidence(evidence.withCapacityProof(e.unit(), e.epoch(), e.proofHash()));
    } else if (event instanceof BatchCommitted e) {
      return withEvidence(evidence.withBatch(e.commitment()));
    } else if (event instanceof BatchAudited e) {
      return withEvidence(evidence.withAudit(e));
    } else if (event instanceof UnitDeployed e) {
      return withDeployments(pendingDeployments.minus(key(e.deal(), e.unit())), pendingRemovals);
    } else if (event instanceof UnitRemoved e) {
      return withDeployments(pendingDeployments, pendingRemovals.minus(key(e.deal(), e.unit())));
    }
    throw new IllegalArgumentException("unknown marketplace event " + event);
  }

  static String key(DealId deal, UnitId unit) {
    return deal + "|" + unit;
  }

  private MarketState placed(Offer offer) {
    Copy copy = new Copy(this);
    for (ComputeUnit unit : offer.units()) {
      copy.book = copy.book.with(FreeUnit.of(offer, unit));
    }
    copy.offersPlaced = Math.max(offersPlaced, offer.sequence() + 1);
    copy.offers = offers.plus(offer.id(), offer);
    return copy.done();
  }

  private MarketState repriced(OfferId id, long price) {
    Offer offer = offers.get(id).withPrice(price);
    Copy copy = new Copy(this);
    copy.offers = offers.plus(id, offer);
    copy.book = book.repriced(offer);
    return copy.done();
  }

  private MarketState withdrawn(OfferId id) {
    Copy copy = new Copy(this);
    for (ComputeUnit unit : offers.get(id).units()) {
      copy.book = copy.book.without(unit.id());
    }
    copy.offers = offers.minus(id);
    return copy.done();
  }

  private MarketState opened(Deal deal) {
    Copy copy = new Copy(this);
    copy.dealsOpened = Math.max(dealsOpened, deal.sequence() + 1);
    copy.deals = deals.plus(deal.id(), deal);
    return copy.done();
  }

  private MarketState matched(DealId id, List<Assignment> assignments) {
    Deal deal = deals.get(id);
    Copy copy = new Copy(this);
    for (Assignment assignment : assignments) {
      copy.book = copy.book.without(assignment.unit());
      copy.unitDeals = copy.unitDeals.plus(assignment.unit(), id);
      copy.pendingDeployments =
          copy.pendingDeployments.plus(key(id, assignment.unit()), deployment(deal, assignment));
    }
    copy.deals = deals.plus(id, deal.withAssignments(assignments));
    return copy.done();
  }

  private MarketState released(DealId id, List<UnitId> units, boolean failed) {
    Deal deal = deals.get(id);
    return freed(deal, units).withDeal(deal.without(units, failed));
  }

  private MarketState ended(DealEnded e) {
    Deal deal = deals.get(e.deal());
    List<UnitId> units = deal.assignments().stream().map(Assignment::unit).toList();
    return freed(deal, units).withDeal(deal.ended(e.reason()));
  }

  /** The units back in the book, their services queued for removal. */
  private MarketState freed(Deal deal, List<UnitId> units) {
    Copy copy = new Copy(this);
    for (UnitId unit : units) {
      Optional<Assignment> assignment = deal.assignment(unit);
      Offer offer = offers.get(unit.offer());
      if (assignment.isEmpty()) {
        continue;
      }
      if (offer != null) {
        copy.book = copy.book.with(FreeUnit.of(offer, offer.unit(unit)));
      }
      copy.unitDeals = copy.unitDeals.minus(unit);
      copy.pendingDeployments = copy.pendingDeployments.minus(key(deal.id(), unit));
      copy.pendingRemovals =
          copy.pendingRemovals.plus(key(deal.id(), unit), deployment(deal, assignment.get()));
    }
    return copy.done();
  }

  private static Deployment deployment(Deal deal, Assignment assignment) {
    return new Deployment(
        deal.id(),
        assignment.unit(),
        assignment.peer(),
        deal.owner(),
        deal.spec().blueprint(),
        deal.spec().modules());
  }

  private MarketState withDeal(Deal deal) {
    Copy copy = new Copy(this);
    copy.deals = deals.plus(deal.id(), deal);
    return copy.done();
  }

  private MarketState withEpochs(
      boolean isOpen, long current, long previous, long settled, String random) {
    Copy copy = new Copy(this);
    copy.opened = isOpen;
    copy.epoch = current;
    copy.previousEpoch = previous;
    copy.lastSettledEpoch = settled;
    copy.randomness = random;
    return copy.done();
  }

  private MarketState withLedger(Ledger newLedger) {
    Copy copy = new Copy(this);
    copy.ledger = newLedger;
    return copy.done();
  }

  private MarketState withEvidence(Evidence newEvidence) {
    Copy copy = new Copy(this);
    copy.evidence = newEvidence;
    return copy.done();
  }

  private MarketState withDeployments(
      PSortedMap<String, Deployment> deploy, PSortedMap<String, Deployment> remove) {
    Copy copy = new Copy(this);
    copy.pendingDeployments = deploy;
    copy.pendingRemovals = remove;
    return copy.done();
  }

  /** A state being changed: starts as {@code from}, the fields that differ are set, then done. */
  private static final class Copy {
    boolean opened;
    long epoch;
    long previousEpoch;
    long lastSettledEpoch;
    String randomness;
    long offersPlaced;
    long dealsOpened;
    PSortedMap<OfferId, Offer> offers;
    PSortedMap<DealId, Deal> deals;
    PSortedMap<UnitId, DealId> unitDeals;
    OfferBook book;
    Ledger ledger;
    Evidence evidence;
    PSortedMap<String, Deployment> pendingDeployments;
    PSortedMap<String, Deployment> pendingRemovals;

    Copy(MarketState from) {
      opened = from.opened;
      epoch = from.epoch;
      previousEpoch = from.previousEpoch;
      lastSettledEpoch = from.lastSettledEpoch;
      randomness = from.randomness;
      offersPlaced = from.offersPlaced;
      dealsOpened = from.dealsOpened;
      offers = from.offers;
      deals = from.deals;
      unitDeals = from.unitDeals;
      book = from.book;
      ledger = from.ledger;
      evidence = from.evidence;
      pendingDeployments = from.pendingDeployments;
      pendingRemovals = from.pendingRemovals;
    }

    MarketState done() {
      return new MarketState(
          opened,
          epoch,
          previousEpoch,
          lastSettledEpoch,
          randomness,
          offersPlaced,
          dealsOpened,
          offers,
          deals,
          unitDeals,
          book,
          ledger,
          evidence,
          pendingDeployments,
          pendingRemovals);
    }
  }

  /** The whole state as a dump (and as a snapshot). */
  public MarketDump dump() {
    Map<String, Long> accounts = new TreeMap<>();
    ledger.balances().forEach((account, balance) -> accounts.put(account.toString(), balance));
    return new MarketDump(
        opened,
        epoch,
        previousEpoch,
        lastSettledEpoch,
        randomness,
        offersPlaced,
        dealsOpened,
        new ArrayList<>(offers.values()),
        new ArrayList<>(deals.values()),
        new TreeMap<>(accounts),
        new ArrayList<>(evidence.capacity().values()),
        new ArrayList<>(evidence.batches().values()),
        new ArrayList<>(evidence.audits().values()),
        new ArrayList<>(pendingDeployments.values()),
        new ArrayList<>(pendingRemovals.values()));
  }

  /** The state a dump describes (restoring a snapshot). */
  public static MarketState restore(MarketDump dump) {
    Map<Account, Long> balances = new TreeMap<>();
    dump.accounts().forEach((account, balance) -> balances.put(Account.parse(account), balance));
    PSortedMap<OfferId, Offer> offers = TreePMap.empty();
    for (Offer offer : dump.offers()) {
      offers = offers.plus(offer.id(), offer);
    }
    PSortedMap<DealId, Deal> deals = TreePMap.empty();
    PSortedMap<UnitId, DealId> held = TreePMap.empty();
    Set<UnitId> busy = new HashSet<>();
    for (Deal deal : dump.deals()) {
      deals = deals.plus(deal.id(), deal);
      for (Assignment assignment : deal.assignments()) {
        held = held.plus(assignment.unit(), deal.id());
        busy.add(assignment.unit());
      }
    }
    OfferBook book = OfferBook.EMPTY;
    for (Offer offer : dump.offers()) {
      for (ComputeUnit unit : offer.units()) {
        if (!busy.contains(unit.id())) {
          book = book.with(FreeUnit.of(offer, unit));
        }
      }
    }
    PSortedMap<String, Deployment> deploy = TreePMap.empty();
    for (Deployment d : dump.pendingDeployments()) {
      deploy = deploy.plus(key(d.deal(), d.unit()), d);
    }
    PSortedMap<String, Deployment> remove = TreePMap.empty();
    for (Deployment d : dump.pendingRemovals()) {
      remove = remove.plus(key(d.deal(), d.unit()), d);
    }
    return new MarketState(
        dump.opened(),
        dump.epoch(),
        dump.previousEpoch(),
        dump.lastSettledEpoch(),
        dump.randomness(),
        dump.offersPlaced(),
        dump.dealsOpened(),
        offers,
        deals,
        held,
        book,
        Ledger.of(balances),
        Evidence.restore(dump.capacityProofs(), dump.batches(), dump.audits()),
        deploy,
        remove);
  }
}
