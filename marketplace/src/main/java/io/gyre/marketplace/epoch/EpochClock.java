package io.gyre.marketplace.epoch;

/** The port that says which epoch it is now. Never goes backwards. */
public interface EpochClock {
  long currentEpoch();
}
