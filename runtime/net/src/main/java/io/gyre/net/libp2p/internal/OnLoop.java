package io.gyre.net.libp2p.internal;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs work on a connection's event loop from any thread, relaying its future. */
final class OnLoop {
  private OnLoop() {}

  static <T> CompletableFuture<T> call(EventExecutor loop, Supplier<CompletableFuture<T>> work) {
    if (loop.inEventLoop()) {
      return run(work);
    }
    CompletableFuture<T> out = new CompletableFuture<>();
    try {
      loop.execute(
          () ->
              run(work)
                  .whenComplete(
                      (value, error) -> {
                        if (error == null) {
                          out.complete(value);
                        } else {
                          out.completeExceptionally(error);
                        }
                      }));
    } catch (RuntimeException rejected) { // the loop is shut down
      out.completeExceptionally(
          new io.gyre.net.ConnectionClosedException("the host is closed", rejected));
    }
    return out;
  }

  static void run(EventExecutor loop, Runnable work) {
    if (loop.inEventLoop()) {
      work.run();
    } else if (!loop.isShuttingDown()) {
      loop.execute(work);
    }
  }

  private static <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
