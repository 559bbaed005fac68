package io.gyre.node.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count (Prometheus counter). */
public final class Counter {
  private final LongAdder value = new LongAdder();

  public void increment() {
    value.increment();
  }

  public void add(long amount) {
    value.add(amount);
  }

  public long value() {
    return value.sum();
  }
}
