package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A call's observer runs before the service takes its next call: observers see outcomes in the
 * order the calls ran (a receipt chain relies on it), and need no lock of their own.
 */
class CallObserverTest {
  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  @Test
  void observersSeeEveryOutcomeInTheOrderTheCallsRan() throws Exception {
    Service kv = deploy(HOST, "kv");
    // Deliberately not thread-safe: only the service's serialisation keeps it whole.
    List<String> observed = new ArrayList<>();
    int threads = 4;
    int rounds = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    String key = "\"t" + thread + "-" + i + "\"";
                    kv.call(
                        "put",
                        "[" + key + ", \"v\"]",
                        params(),
                        (f, a, p, o) -> observed.add("put"));
                    kv.call("size", "[]", params(), (f, a, p, o) -> observed.add(resultText(o)));
                  }
                },
                pool));
      }
      CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2 * threads * rounds, observed.size());
    // Sizes only grow while keys are added: in call order they never go down.
    long last = 0;
    for (String entry : observed) {
      if (!entry.equals("put")) {
        long size = Long.parseLong(entry);
        assertTrue(size >= last, "size " + size + " observed after " + last);
        last = size;
      }
    }
    assertEquals(threads * rounds, last);
  }

  @Test
  void aCallRefusedBeforeItRunsIsObservedToo() {
    Service kv = deploy(HOST, "kv");
    List<CallOutcome> observed = new ArrayList<>();
    CallOutcome notJson = kv.call("put", "[not json", params(), (f, a, p, o) -> observed.add(o));
    CallOutcome unknown = kv.call("nothing", "[]", params(), (f, a, p, o) -> observed.add(o));
    assertEquals(List.of(notJson, unknown), observed);
    assertInstanceOf(CallOutcome.Failure.class, notJson);
    assertInstanceOf(CallOutcome.Failure.class, unknown);
  }

  @Test
  void noCallRunsWhileWorkHoldsTheServiceExclusively() throws Exception {
    Service kv = deploy(HOST, "kv");
    CountDownLatch holding = new CountDownLatch(1);
    AtomicBoolean released = new AtomicBoolean();
    CompletableFuture<Void> exclusive =
        CompletableFuture.runAsync(
            () ->
                kv.exclusively(
                    () -> {
                      holding.countDown();
                      sleep(300);
                      released.set(true);
                      return null;
                    }));
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    CallOutcome outcome =
        kv.call("size", "[]", params(), (f, a, p, o) -> assertTrue(released.get()));
    assertTrue(released.get(), "the call ran while the service was held");
    assertEquals("0", resultText(outcome));
    exclusive.get(10, TimeUnit.SECONDS);
    assertFalse(exclusive.isCompletedExceptionally());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
