package io.gyre.marketplace.proof;

/** The outcome of auditing one batch: the sampled receipts re-executed and compared. */
public enum Verdict {
  /** Every sampled receipt was included under the root and re-executed to the same result/fuel. */
  VERIFIED,
  /** A sampled receipt was not under the root, or re-execution gave another result or fuel. */
  FAILED,
  /** The provider did not hand over the sampled receipts (in time). */
  MISSING
}
