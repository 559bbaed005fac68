package io.gyre.marketplace;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deal.EndReason;
import io.gyre.marketplace.ledger.Transfer;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.Verdict;
import io.gyre.persistence.CborSerializable;
import java.util.List;

/**
 * What the marketplace's journal records: facts, in the past tense, never refused on replay. Money
 * moves only through {@link Transferred}; a request's events are persisted atomically.
 */
public sealed interface MarketEvent extends CborSerializable {
  /** The marketplace's first event: the first epoch and its randomness. */
  record MarketOpened(long epoch, String randomness) implements MarketEvent {}

  record Transferred(Transfer transfer) implements MarketEvent {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Transferred {}
  }

  record OfferPlaced(Offer offer) implements MarketEvent {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OfferPlaced {}
  }

  record OfferRepriced(OfferId offer, long price) implements MarketEvent {}

  record OfferWithdrawn(OfferId offer) implements MarketEvent {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OfferWithdrawn {}
  }

  record DealOpened(DealId deal, PeerId owner, DealSpec spec) implements MarketEvent {}

  record UnitsMatched(DealId deal, List<Assignment> assignments) implements MarketEvent {}

  /**
   * Units no longer serve the deal.
   *
   * @param failed whether they failed their proofs (then never matched to this deal again)
   */
  record UnitsReleased(DealId deal, List<UnitId> units, boolean failed) implements MarketEvent {}

  /** The deal is over; its units are released (its escrow is refunded by a transfer). */
  record DealEnded(DealId deal, EndReason reason) implements MarketEvent {}

  /** The deal was paid for {@code epoch}: one more epoch of its duration served. */
  record DealServed(DealId deal, long epoch) implements MarketEvent {}

  record CapacityProofAccepted(UnitId unit, long epoch, String proofHash) implements MarketEvent {}

  record BatchCommitted(BatchCommitment commitment) implements MarketEvent {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public BatchCommitted {}
  }

  record BatchAudited(DealId deal, UnitId unit, long epoch, Verdict verdict)
      implements MarketEvent {}

  /** A new epoch began; the one before now awaits its audits and settlement. */
  record EpochStarted(long epoch, String entropy, String randomness) implements MarketEvent {}

  /** Every deal was settled for {@code epoch}; its evidence is dropped. */
  record EpochSettled(long epoch) implements MarketEvent {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public EpochSettled {}
  }

  record UnitDeployed(DealId deal, UnitId unit) implements MarketEvent {}

  record UnitRemoved(DealId deal, UnitId unit) implements MarketEvent {}
}
