package io.gyre.marketplace.proof;

import io.gyre.identity.PeerId;
import java.util.List;

/**
 * The marketplace's port to the proofs module: every cryptographic and re-execution check. Pure and
 * synchronous; the marketplace calls it from its actor.
 */
public interface ProofCheck {
  /** Whether the commitment carries its peer's valid signature over its root. */
  boolean batchSignatureValid(BatchCommitment commitment);

  /**
   * Whether {@code proof} solves the capacity puzzle of its unit, hosted on {@code peer}, for its
   * epoch, whose randomness (hex) is {@code epochRandomness}.
   */
  boolean capacityProofValid(CapacityProof proof, PeerId peer, String epochRandomness);

  /**
   * The audit of a batch: each receipt at {@code indices} must be among {@code samples}, included
   * under the commitment's root, signed by its peer, and re-execute to its result hash and fuel.
   */
  Verdict verifySamples(
      BatchCommitment commitment, List<Long> indices, List<SampledReceipt> samples);
}
