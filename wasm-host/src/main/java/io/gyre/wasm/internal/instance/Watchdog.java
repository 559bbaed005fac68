package io.gyre.wasm.internal.instance;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall-time backstop: one daemon thread interrupts a call's thread when its deadline passes;
 * Chicory turns the interrupt into an exception at the next function entry or loop head. Fuel
 * normally stops a runaway call long before.
 */
public final class Watchdog implements AutoCloseable {

  private final DelayQueue<Deadline> deadlines = new DelayQueue<>();
  private final Thread thread;

  public Watchdog() {
    thread = new Thread(this::run, "gyre-wasm-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts timing a call on the current thread. */
  Deadline start(Duration limit) {
    Deadline deadline = new Deadline(Thread.currentThread(), System.nanoTime() + limit.toNanos());
    deadlines.add(deadline);
    return deadline;
  }

  private void run() {
    try {
      while (true) {
        deadlines.take().fire();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }

  /** One call's deadline. */
  final class Deadline implements Delayed {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int FIRING = 2;
    private static final int FIRED = 3;

    private final Thread caller;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Deadline(Thread caller, long deadlineNanos) {
      this.caller = caller;
      this.deadlineNanos = deadlineNanos;
    }

    private void fire() {
      if (state.compareAndSet(RUNNING, FIRING)) {
        caller.interrupt();
        state.set(FIRED);
      }
    }

    boolean fired() {
      return state.get() >= FIRING;
    }

    /** Ends the timing; the caller's thread leaves with no interrupt pending. */
    void finish() {
      if (!state.compareAndSet(RUNNING, FINISHED)) {
        while (state.get() != FIRED) {
          Thread.onSpinWait();
        }
        Thread.interrupted();
      }
      deadlines.remove(this);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
