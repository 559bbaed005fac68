package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.error;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.wasm.internal.binary.ModuleSections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What happens around a call: argument checks, service errors, logs, concurrency. */
class CallProtocolTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  @Test
  void argumentsAreCheckedAgainstTheManifestBeforeAnyWasmRuns() {
    Service kv = deploy(HOST, "kv");
    CallError count = error(kv.call("put", "[\"only-key\"]", params()));
    assertEquals(CallError.Kind.BAD_ARGUMENTS, count.kind());
    assertEquals("put: expected 2 arguments (key: string, value: string), got 1", count.message());
    CallError type = error(kv.call("get", "[7]", params()));
    assertEquals("get: argument key: expected string, got a number 7", type.message());
    CallError notJson = error(kv.call("get", "[\"unterminated", params()));
    assertTrue(notJson.message().startsWith("arguments are not JSON"), notJson.message());
    CallError notArray = error(kv.call("get", "{\"key\": 1}", params()));
    assertEquals("get: arguments must be a JSON array, got object", notArray.message());
  }

  @Test
  void unknownFunctionsAreNamed() {
    CallError error = error(deploy(HOST, "kv").call("delete", "[\"k\"]", params()));
    assertEquals(CallError.Kind.NO_SUCH_FUNCTION, error.kind());
    assertTrue(
        error.message().endsWith("has no function delete (it has put, get, size)"),
        error.message());
  }

  /** kv with its manifest section removed: untyped, so its own argument checks run. */
  private static Service untypedKv() {
    ModuleSections sections = ModuleSections.read(Examples.wasm("kv"));
    byte[] bare = ModuleSections.read(Examples.wasm("kv")).withoutCustom(Manifest.SECTION).write();
    ModuleId id = HOST.addModule(bare);
    assertTrue(sections.custom(Manifest.SECTION).isPresent());
    return HOST.createService(
        "untyped-kv-" + System.nanoTime(),
        HOST.addBlueprint(Blueprint.single("kv", id)),
        ServiceLimits.DEFAULT);
  }

  @Test
  void withoutAManifestFunctionsComeFromTheExports() {
    Service kv = untypedKv();
    assertEquals(
        List.of("get", "put", "size"),
        kv.facade().functions().stream().map(ServiceFunction::name).sorted().toList());
    assertTrue(kv.facade().aquaService().isEmpty(), "no types, no Aqua declaration");
  }

  @Test
  void gyreFailIsAServiceErrorThatKeepsTheInstanceAndItsState() {
    Service kv = untypedKv();
    assertEquals("true", resultText(kv.call("put", "[\"a\", \"1\"]", params())));
    CallOutcome failed = kv.call("put", "[\"only-key\"]", params());
    CallError error = error(failed);
    assertEquals(CallError.Kind.SERVICE_ERROR, error.kind());
    assertEquals("put expects two strings: key and value", error.message());
    assertFalse(((CallOutcome.Failure) failed).instanceReset());
    assertTrue(failed.fuelUsed() > 0);
    assertEquals("1", resultText(kv.call("size", "[]", params())));
  }

  @Test
  void logLinesComeBackWithTheResult() {
    Service kv = deploy(HOST, "kv");
    CallOutcome outcome = kv.call("put", "[\"k\", \"v\"]", params());
    assertEquals(List.of(new LogLine("info", "put")), outcome.logs());
  }

  @Test
  void callsToOneServiceAreSerialisedAndServicesRunSideBySide() throws Exception {
    Service a = deploy(HOST, "kv");
    Service b = deploy(HOST, "kv");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CallOutcome>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Service target = i % 2 == 0 ? a : b;
        String args = "[\"key-" + i + "\", \"value\"]";
        calls.add(pool.submit(() -> target.call("put", args, params())));
      }
      for (Future<CallOutcome> call : calls) {
        assertEquals("true", resultText(call.get()));
      }
    } finally {
      pool.shutdown();
    }
    assertEquals("50", resultText(a.call("size", "[]", params())));
    assertEquals("50", resultText(b.call("size", "[]", params())));
  }

  @Test
  void asyncCallsGiveTheSameOutcomesInOrder() throws Exception {
    Service kv = deploy(HOST, "kv");
    CallOutcome async = kv.callAsync("put", "[\"k\", \"v\"]", params()).toCompletableFuture().get();
    assertEquals("true", resultText(async));
    CallOutcome again = kv.callAsync("put", "[\"k\", \"w\"]", params()).toCompletableFuture().get();
    assertEquals("false", resultText(again));
    CallError bad = error(kv.callAsync("nope", "[]", params()).toCompletableFuture().get());
    assertEquals(CallError.Kind.NO_SUCH_FUNCTION, bad.kind());
  }

  @Test
  void callsFromCallThreadsRunDirectly() throws Exception {
    Service kv = deploy(HOST, "kv");
    List<String> threads = new ArrayList<>();
    Thread thread =
        HOST.callThreadFactory()
            .newThread(
                () -> {
                  resultText(kv.call("put", "[\"k\", \"v\"]", params()));
                  threads.add(Thread.currentThread().getName());
                });
    thread.start();
    thread.join();
    assertFalse(threads.isEmpty());
  }
}
