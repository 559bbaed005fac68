package io.gyre.proofs.replay;

/** Why re-execution does not confirm a sampled receipt. */
public enum ReplayReason {
  /** The evidence bytes do not follow the layout, or hold no call. */
  MALFORMED,
  /** The last call of the evidence is not the receipt that was sampled. */
  NOT_THE_SAMPLE,
  /** An element is another provider's, deal's or service's than the chain's checkpoint. */
  OTHER_SERVICE,
  /** A sequence number or a previous hash does not follow from the element before it. */
  BROKEN_CHAIN,
  /** A call's inputs do not hash to its receipt's inputs hash. */
  INPUTS_MISMATCH,
  /** The code handed over is not what the receipts name (module hash, module bytes). */
  CODE_MISMATCH,
  /** wasm-host refuses the code or the limits. */
  CODE_REFUSED,
  /** The checkpoint names a snapshot, and none was handed over. */
  SNAPSHOT_MISSING,
  /** The snapshot handed over does not hash to the checkpoint's state hash. */
  SNAPSHOT_MISMATCH,
  /** The checkpoint names a snapshot, and this verifier has no way to restore one. */
  SNAPSHOT_UNSUPPORTED,
  /** The snapshot's bytes could not be restored. */
  SNAPSHOT_REFUSED,
  /** More calls to replay than this verifier allows. */
  REPLAY_TOO_LONG,
  /**
   * The sampled call was stopped by the wall-time backstop, which re-execution cannot reproduce.
   */
  NOT_REPRODUCIBLE,
  /** Re-execution gave another outcome or result than the receipt says. */
  RESULT_MISMATCH,
  /** Re-execution used other fuel than the receipt says. */
  FUEL_MISMATCH
}
