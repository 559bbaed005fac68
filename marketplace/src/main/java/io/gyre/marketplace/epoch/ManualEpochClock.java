package io.gyre.marketplace.epoch;

import java.util.concurrent.atomic.AtomicLong;

/** An epoch clock moved by hand: tests, demos, benchmarks. */
public final class ManualEpochClock implements EpochClock {
  private final AtomicLong epoch;

  public ManualEpochClock(long start) {
    this.epoch = new AtomicLong(start);
  }

  @Override
  public long currentEpoch() {
    return epoch.get();
  }

  /** Moves to the next epoch and returns it. */
  public long advance() {
    return epoch.incrementAndGet();
  }
}
