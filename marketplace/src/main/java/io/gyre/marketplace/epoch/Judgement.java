package io.gyre.marketplace.epoch;

/** What settlement concludes about one unit of one deal for one epoch. */
public enum Judgement {
  /** Batch committed and verified, enough capacity proofs: the provider is paid. */
  PAID,
  /** No batch root committed for the epoch. */
  MISSING_BATCH,
  /** The provider did not hand over the sampled receipts. */
  MISSING_RECEIPTS,
  /** A sampled receipt did not check out (not under the root, or re-execution differed). */
  FAILED_RECEIPTS,
  /** Fewer capacity proofs than the minimum per epoch. */
  TOO_FEW_CAPACITY_PROOFS;

  public boolean paid() {
    return this == PAID;
  }

  /** Judges {@code evidence} against the minimum of capacity proofs per unit and epoch. */
  public static Judgement of(UnitEvidence evidence, int minCapacityProofs) {
    if (!evidence.batchCommitted()) {
      return MISSING_BATCH;
    }
    switch (evidence.audit().orElse(io.gyre.marketplace.proof.Verdict.MISSING)) {
      case MISSING:
        return MISSING_RECEIPTS;
      case FAILED:
        return FAILED_RECEIPTS;
      default:
        break;
    }
    return evidence.capacityProofs() < minCapacityProofs ? TOO_FEW_CAPACITY_PROOFS : PAID;
  }
}
