package io.gyre.marketplace.epoch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Epochs of a fixed length counted from {@code genesis} on a wall clock (epoch 0 starts there). */
public record WallClockEpochs(Instant genesis, Duration length, Clock clock) implements EpochClock {
  public WallClockEpochs {
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("an epoch lasts a positive time, not " + length);
    }
  }

  @Override
  public long currentEpoch() {
    long elapsed = Duration.between(genesis, clock.instant()).toMillis();
    return Math.max(0, Math.floorDiv(elapsed, length.toMillis()));
  }
}
