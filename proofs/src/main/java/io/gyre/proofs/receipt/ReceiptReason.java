package io.gyre.proofs.receipt;

/** Why a single signed receipt is refused. */
public enum ReceiptReason {
  /** The bytes do not follow the receipt layout. */
  MALFORMED,
  /** The signature is not the named provider's over this receipt. */
  BAD_SIGNATURE,
  /** The receipt is not for the deal the checker expected. */
  WRONG_DEAL,
  /** The receipt is not for the epoch the checker expected. */
  WRONG_EPOCH,
  /** The receipt names another provider than the one expected. */
  WRONG_PROVIDER
}
