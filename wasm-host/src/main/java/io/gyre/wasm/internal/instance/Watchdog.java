package io.gyre.wasm.internal.instance;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall-time backstop: one daemon thread looks at the running calls every {@link #TICK_MS} ms
 * and interrupts the thread of each call past its deadline; Chicory turns the interrupt into an
 * exception at the next function entry or loop head. Starting and finishing a call only add and
 * remove it from a concurrent set, so the watchdog costs a call no thread wake-up. Fuel normally
 * stops a runaway call long before its wall time.
 */
public final class Watchdog implements AutoCloseable {

  /** How often deadlines are checked: the wall-time limit's precision. */
  static final long TICK_MS = 5;

  private final Set<Deadline> running = ConcurrentHashMap.newKeySet();
  private final Thread thread;

  public Watchdog() {
    thread = new Thread(this::run, "gyre-wasm-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts timing a call on the current thread. */
  Deadline start(Duration limit) {
    Deadline deadline = new Deadline(Thread.currentThread(), System.nanoTime() + limit.toNanos());
    running.add(deadline);
    return deadline;
  }

  private void run() {
    try {
      while (true) {
        Thread.sleep(TICK_MS);
        long now = System.nanoTime();
        for (Deadline deadline : running) {
          if (now - deadline.deadlineNanos >= 0) {
            deadline.fire();
          }
        }
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
  final class Deadline {
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

    /** Ends the timing; the caller's thread leaves with no interrupt pending. Idempotent. */
    void finish() {
      if (!state.compareAndSet(RUNNING, FINISHED) && state.get() != FINISHED) {
        while (state.get() != FIRED) {
          Thread.onSpinWait();
        }
        Thread.interrupted();
      }
      running.remove(this);
    }
  }
}
