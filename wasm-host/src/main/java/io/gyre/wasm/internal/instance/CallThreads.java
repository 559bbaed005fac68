package io.gyre.wasm.internal.instance;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads calls run on. Compiled wasm code runs on the JVM stack, so a call needs a stack large
 * enough for its depth limit — then the depth limit, not the JVM, decides when a deep call stops,
 * and it decides the same way on every run. A call made from one of these threads runs there
 * directly; any other caller hands the call over and waits.
 */
public final class CallThreads implements AutoCloseable {

  private final ExecutorService executor;
  private final boolean callerStacksSuffice;

  /**
   * @param callerStacksSuffice run every call on its caller's thread, which the caller promises has
   *     a large enough stack
   */
  public CallThreads(int threads, long stackBytes, boolean callerStacksSuffice) {
    this.executor = Executors.newFixedThreadPool(threads, factory(stackBytes));
    this.callerStacksSuffice = callerStacksSuffice;
  }

  /** A factory of threads with call-sized stacks, for callers that want to call directly. */
  public static ThreadFactory factory(long stackBytes) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new CallThread(runnable, "gyre-wasm-call-" + count.incrementAndGet(), stackBytes);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs {@code call} on a call thread, without waiting for it. */
  <T> CompletableFuture<T> submit(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, executor);
  }

  <T> T run(Callable<T> call) {
    if (callerStacksSuffice || Thread.currentThread() instanceof CallThread) {
      return callDirectly(call);
    }
    Future<T> future = executor.submit(call);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a wasm call", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static <T> T callDirectly(Callable<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** A thread made by {@link #factory}: calls from it run on it. */
  static final class CallThread extends Thread {
    CallThread(Runnable runnable, String name, long stackBytes) {
      super(null, runnable, name, stackBytes);
    }
  }
}
