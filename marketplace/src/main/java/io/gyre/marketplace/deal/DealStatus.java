package io.gyre.marketplace.deal;

/** A deal's status as users see it (Fluence's names). */
public enum DealStatus {
  /** Waiting: its escrow holds less than 2 × target units × max price. */
  INSUFFICIENT_FUNDS,
  /** Waiting: funded, but fewer than its minimum of units match it. */
  NOT_ENOUGH_WORKERS,
  /** Running on at least its minimum of units. */
  ACTIVE,
  /** Over: see its end reason. */
  ENDED
}
