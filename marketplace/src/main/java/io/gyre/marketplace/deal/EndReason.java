package io.gyre.marketplace.deal;

/** Why a deal ended. */
public enum EndReason {
  /** It ran for its duration. */
  EXPIRED,
  /** Its owner cancelled it. */
  CANCELLED,
  /** Its escrow could not pay for the next epoch. */
  BALANCE_EXHAUSTED
}
