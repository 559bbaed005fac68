package io.gyre.proofs.capacity;

/** Why a capacity proof, a unit or a provider fails. */
public enum CapacityReason {
  /** The bytes do not follow the proof layout. */
  MALFORMED,
  /** The proof names a unit of another provider (or the unit is unknown). */
  NOT_UNIT_OWNER,
  /** The proof is for another epoch than the one being proved. */
  STALE_EPOCH,
  /** The nonce does not meet the difficulty under this challenge. */
  DIFFICULTY_NOT_MET,
  /** This (unit, epoch, nonce) answer was already accepted. */
  DUPLICATE,
  /** The unit has fewer accepted proofs in the epoch than the minimum. */
  BELOW_MINIMUM,
  /** More of the provider's units failed the epoch than the allowed ratio. */
  FAILED_RATIO_EXCEEDED
}
