package io.gyre.proofs.capacity;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.Verdict;
import java.util.Optional;

/**
 * The marketplace's check of submitted capacity proofs for the current epoch: cheap bindings first
 * (owner, epoch, duplicate), then the one Argon2id evaluation; an accepted answer is added to the
 * registry, so the same answer is refused the next time.
 */
public final class CapacityChecker {

  private final CapacityPuzzle puzzle;
  private final AcceptedAnswers accepted;

  public CapacityChecker(CapacityPuzzle puzzle, AcceptedAnswers accepted) {
    this.puzzle = puzzle;
    this.accepted = accepted;
  }

  /**
   * @param epoch the epoch being proved (the current one)
   * @param randomness that epoch's randomness
   * @param unitOwner the provider the marketplace has the unit committed by; empty for an unknown
   *     unit
   */
  public Verdict<CapacityReason> check(
      CapacityProof proof, long epoch, Randomness randomness, Optional<PeerId> unitOwner) {
    if (unitOwner.isEmpty() || !unitOwner.get().equals(proof.provider())) {
      return Verdict.reject(
          CapacityReason.NOT_UNIT_OWNER,
          "unit "
              + proof.unitId()
              + " is "
              + unitOwner.map(o -> o + "'s").orElse("not committed by anyone")
              + ", not "
              + proof.provider()
              + "'s");
    }
    if (proof.epoch() != epoch) {
      return Verdict.reject(
          CapacityReason.STALE_EPOCH,
          "proof for epoch " + proof.epoch() + " while epoch " + epoch + " is being proved");
    }
    if (accepted.contains(proof)) {
      return Verdict.reject(
          CapacityReason.DUPLICATE,
          "nonce " + proof.nonce() + " of unit " + proof.unitId() + " already counted");
    }
    CapacityChallenge challenge =
        new CapacityChallenge(randomness, epoch, proof.provider(), proof.unitId(), puzzle.params());
    if (!puzzle.check(challenge, proof.nonce())) {
      return Verdict.reject(
          CapacityReason.DIFFICULTY_NOT_MET,
          "nonce "
              + proof.nonce()
              + " does not meet "
              + puzzle.params().difficultyBits()
              + " bits for unit "
              + proof.unitId()
              + " in epoch "
              + epoch);
    }
    if (!accepted.add(proof)) {
      return Verdict.reject(
          CapacityReason.DUPLICATE,
          "nonce " + proof.nonce() + " of unit " + proof.unitId() + " already counted");
    }
    return Verdict.accept();
  }

  /** As {@link #check(CapacityProof, long, Randomness, Optional)}, for proof bytes from outside. */
  public Verdict<CapacityReason> check(
      byte[] proof,
      long epoch,
      Randomness randomness,
      java.util.function.Function<String, Optional<PeerId>> owners) {
    Decoded<CapacityProof> decoded = CapacityProof.decode(proof);
    if (decoded instanceof Decoded.Malformed<CapacityProof> m) {
      return Verdict.reject(CapacityReason.MALFORMED, m.message());
    }
    CapacityProof p = decoded.toOptional().orElseThrow();
    return check(p, epoch, randomness, owners.apply(p.unitId()));
  }
}
