package io.gyre.node.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations in fixed buckets of seconds (Prometheus histogram, cumulative on export). */
public final class Histogram {
  /** 50 µs to 30 s: particle runs and service calls both fall in here. */
  static final double[] BUCKETS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    2.5, 5, 10, 30
  };

  private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
  private final DoubleAdder sum = new DoubleAdder();

  public Histogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void observeNanos(long nanos) {
    observe(nanos / 1e9);
  }

  public void observe(double seconds) {
    int bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
      bucket++;
    }
    counts[bucket].increment();
    sum.add(seconds);
  }

  /** Observations at or below each bound, then the total (the +Inf bucket). */
  long[] cumulativeCounts() {
    long[] cumulative = new long[counts.length];
    long running = 0;
    for (int i = 0; i < counts.length; i++) {
      running += counts[i].sum();
      cumulative[i] = running;
    }
    return cumulative;
  }

  public long count() {
    long total = 0;
    for (LongAdder count : counts) {
      total += count.sum();
    }
    return total;
  }

  public double sum() {
    return sum.sum();
  }
}
