package io.gyre.proofs.batch;

/** Why a receipt is not accepted as part of a signed batch. */
public enum InclusionReason {
  /** The batch root's signature is not its provider's. */
  BAD_ROOT_SIGNATURE,
  /** The receipt names another provider than the batch. */
  WRONG_PROVIDER,
  /** The receipt is for another deal than the batch. */
  WRONG_DEAL,
  /** The receipt is for another epoch than the batch. */
  WRONG_EPOCH,
  /** The proof's leaf count is not the batch's. */
  WRONG_LEAF_COUNT,
  /** The proof's index is outside the batch, or it has too many or too few siblings for it. */
  MALFORMED_PROOF,
  /** The proof does not lead from this receipt to the batch's root. */
  ROOT_MISMATCH
}
