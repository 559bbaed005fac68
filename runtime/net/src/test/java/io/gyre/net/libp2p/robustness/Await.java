package io.gyre.net.libp2p.robustness;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something asynchronous to become true (a generous bound, not a speed check). */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition, Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what + "; state: " + state.get());
      }
      Thread.sleep(20);
    }
  }

  /** Threads of every live host ({@code gyre-net-…}). */
  static long netThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("gyre-net"))
        .count();
  }
}
