package io.gyre.marketplace.internal;

import static io.gyre.marketplace.MarketError.Code.DUPLICATE;
import static io.gyre.marketplace.MarketError.Code.NOT_AUTHORIZED;
import static io.gyre.marketplace.MarketError.Code.PROOF_REJECTED;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_DEAL;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_UNIT;
import static io.gyre.marketplace.MarketError.Code.WRONG_STATE;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketEvent.BatchCommitted;
import io.gyre.marketplace.MarketEvent.CapacityProofAccepted;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.marketplace.proof.ProofCheck;
import io.gyre.marketplace.proof.Sampling;
import java.util.List;
import java.util.Optional;

/**
 * The decisions on what providers submit during an epoch: capacity proofs for their committed units
 * and the signed batch roots of their receipts. Pure, given the proof checks.
 */
public final class ProofRules {
  private final MarketSettings settings;
  private final ProofCheck proofs;

  public ProofRules(MarketSettings settings, ProofCheck proofs) {
    this.settings = settings;
    this.proofs = proofs;
  }

  /**
   * Accepts a capacity proof for the current epoch from the unit's peer or provider; the result is
   * how many the unit now has this epoch.
   */
  public Decision<Integer> submitCapacityProof(
      MarketState state, PeerId acting, CapacityProof proof) {
    Optional<Offer> offer = state.offer(proof.unit().offer());
    if (offer.isEmpty() || proof.unit().index() >= offer.get().units().size()) {
      return Decision.refuse(UNKNOWN_UNIT, "no compute unit " + proof.unit());
    }
    PeerId peer = offer.get().unit(proof.unit()).peer();
    if (!acting.equals(peer) && !acting.equals(offer.get().provider())) {
      return Decision.refuse(
          NOT_AUTHORIZED,
          "only unit "
              + proof.unit()
              + "'s peer "
              + peer
              + " or its provider may prove its capacity, not "
              + acting);
    }
    if (proof.epoch() != state.epoch()) {
      return Decision.refuse(
          WRONG_STATE,
          "capacity proofs are taken for the current epoch "
              + state.epoch()
              + ", not "
              + proof.epoch());
    }
    Optional<Assignment> serving = serving(state, proof.unit());
    if (serving.isEmpty() || !serving.get().servedIn(state.epoch())) {
      return Decision.refuse(
          WRONG_STATE,
          "unit " + proof.unit() + " is not committed to a deal in epoch " + state.epoch());
    }
    List<String> accepted = state.evidence().capacityProofs(proof.unit(), proof.epoch());
    String hash = Sampling.sha256Hex(proof.solution());
    if (accepted.contains(hash)) {
      return Decision.refuse(
          DUPLICATE, "this capacity proof of " + proof.unit() + " was already accepted");
    }
    if (accepted.size() >= settings.maxCapacityProofs()) {
      return Decision.refuse(
          WRONG_STATE,
          "unit "
              + proof.unit()
              + " already has the most capacity proofs an epoch takes ("
              + settings.maxCapacityProofs()
              + ")");
    }
    if (!proofs.capacityProofValid(proof, peer, state.randomness())) {
      return Decision.refuse(
          PROOF_REJECTED,
          "the capacity proof of "
              + proof.unit()
              + " does not solve epoch "
              + proof.epoch()
              + "'s puzzle");
    }
    Changes changes = new Changes(state);
    changes.emit(new CapacityProofAccepted(proof.unit(), proof.epoch(), hash));
    return Decision.accept(changes, accepted.size() + 1);
  }

  /** Accepts the current epoch's batch root from the peer that runs the unit for the deal. */
  public Decision<String> commitBatch(
      MarketState state, PeerId acting, BatchCommitment commitment) {
    Optional<Deal> deal = state.deal(commitment.deal());
    if (deal.isEmpty()) {
      return Decision.refuse(UNKNOWN_DEAL, "no deal " + commitment.deal());
    }
    Optional<Assignment> assignment = deal.get().assignment(commitment.unit());
    if (assignment.isEmpty()
        || !assignment.get().peer().equals(acting)
        || !commitment.peer().equals(acting)) {
      return Decision.refuse(
          NOT_AUTHORIZED,
          "peer "
              + acting
              + " is not the provider of unit "
              + commitment.unit()
              + " in "
              + commitment.deal());
    }
    if (commitment.epoch() != state.epoch() || !assignment.get().servedIn(state.epoch())) {
      return Decision.refuse(
          WRONG_STATE,
          "batches are committed for the current epoch "
              + state.epoch()
              + " by units serving in it, not for epoch "
              + commitment.epoch());
    }
    if (state
        .evidence()
        .batch(commitment.deal(), commitment.unit(), commitment.epoch())
        .isPresent()) {
      return Decision.refuse(
          DUPLICATE,
          "unit "
              + commitment.unit()
              + " already committed its batch of epoch "
              + commitment.epoch()
              + " for "
              + commitment.deal());
    }
    if (!proofs.batchSignatureValid(commitment)) {
      return Decision.refuse(
          PROOF_REJECTED, "the batch root is not signed by peer " + commitment.peer());
    }
    Changes changes = new Changes(state);
    changes.emit(new BatchCommitted(commitment));
    return Decision.accept(changes, commitment.root());
  }

  private static Optional<Assignment> serving(MarketState state, UnitId unit) {
    return Optional.ofNullable(state.unitDeals().get(unit))
        .flatMap(state::deal)
        .flatMap(deal -> deal.assignment(unit));
  }
}
