package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.error;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each service limit, broken by the misbehaving example module: the call fails with an error that
 * names the limit, and the service answers its next call from a fresh instance.
 */
class LimitsTest {

  private static final WasmHost HOST = WasmHost.create();
  private static final ServiceLimits LIMITS =
      ServiceLimits.DEFAULT
          .withFuel(5_000_000)
          .withMemoryPages(64)
          .withStackDepth(500)
          .withOutputBytes(150_000)
          .withWallTime(Duration.ofSeconds(30));

  @AfterAll
  static void close() {
    HOST.close();
  }

  private static Service misbehaving(ServiceLimits limits) {
    return deploy(HOST, "broken/misbehaving", limits);
  }

  /** The call failed on `limit`, and a fresh instance serves the next call. */
  private static void assertStoppedBy(
      Service service, String function, String args, CallError.Kind limit, String mentions) {
    assertEquals("1", resultText(service.call("counter", "[]", params())));
    assertEquals("2", resultText(service.call("counter", "[]", params())));
    CallOutcome outcome = service.call(function, args, params());
    CallError error = error(outcome);
    assertEquals(limit, error.kind(), error.toString());
    assertTrue(error.isLimit() || limit == CallError.Kind.TRAP);
    assertTrue(error.message().contains(mentions), error.message());
    assertTrue(((CallOutcome.Failure) outcome).instanceReset(), "a trapped instance is discarded");
    assertEquals("1", resultText(service.call("counter", "[]", params())), "state starts afresh");
  }

  @Test
  void fuelLimitStopsAnEndlessLoop() {
    Service service = misbehaving(LIMITS);
    assertStoppedBy(service, "spin", "[]", CallError.Kind.FUEL_LIMIT, "5000000 units of fuel");
    CallOutcome again = service.call("spin", "[]", params());
    assertEquals(LIMITS.fuel(), again.fuelUsed(), "a call stopped by fuel used all of it");
  }

  @Test
  void wallTimeStopsALoopWhenFuelWouldNot() {
    Service service =
        misbehaving(LIMITS.withFuel(Long.MAX_VALUE / 2).withWallTime(Duration.ofMillis(300)));
    assertStoppedBy(service, "spin", "[]", CallError.Kind.WALL_TIME_LIMIT, "300 ms");
  }

  @Test
  void stackDepthStopsEndlessRecursion() {
    assertStoppedBy(
        misbehaving(LIMITS),
        "recurse",
        "[]",
        CallError.Kind.STACK_DEPTH_LIMIT,
        "500 wasm function calls");
  }

  /** The deepest allowed limit is reached by the depth count, not by the JVM stack running out. */
  @Test
  void theLargestStackDepthFitsTheCallThreadsStack() {
    ServiceLimits deepest = LIMITS.withStackDepth(ServiceLimits.MAX_STACK_DEPTH);
    for (ExecutionMode mode : ExecutionMode.values()) {
      try (WasmHost host = WasmHost.create(HostOptions.DEFAULT.withMode(mode))) {
        CallError error =
            error(deploy(host, "broken/misbehaving", deepest).call("recurse", "[]", params()));
        assertEquals(
            "stack depth limit: the call nested more than 50000 wasm function calls",
            error.message(),
            mode.toString());
      }
    }
  }

  @Test
  void memoryLimitStopsAHog() {
    assertStoppedBy(
        misbehaving(LIMITS), "hog", "[]", CallError.Kind.MEMORY_LIMIT, "limit of 64 pages");
  }

  @Test
  void anAllocatorRefusedAtTheMemoryLimitIsAMemoryLimit() {
    int pages = HOST.describe(Examples.wasm("kv")).initialMemoryPages();
    Service kv = deploy(HOST, "kv", LIMITS.withMemoryPages(pages));
    String huge = "x".repeat(pages * 65536);
    CallOutcome outcome = kv.call("put", "[\"k\", \"" + huge + "\"]", params());
    CallError error = error(outcome);
    assertEquals(CallError.Kind.MEMORY_LIMIT, error.kind(), error.toString());
    assertTrue(error.message().contains("returned 0 at the service's page limit"), error.message());
    assertEquals("true", resultText(kv.call("put", "[\"k\", \"small\"]", params())));
  }

  @Test
  void outputLimitRefusesAnOversizedResult() {
    Service service = misbehaving(LIMITS);
    assertEquals(100_002, resultText(service.call("flood", "[1]", params())).length());
    CallError error = error(service.call("flood", "[2]", params()));
    assertEquals(CallError.Kind.OUTPUT_SIZE_LIMIT, error.kind());
    assertTrue(error.message().contains("200002 bytes, the limit is 150000"), error.message());
  }

  @Test
  void outputLimitStopsAWasiCommandWritingTooMuch() {
    Service sha = deploy(HOST, "sha256", LIMITS.withOutputBytes(10));
    CallError error = error(sha.call("digest", "[\"abc\"]", params()));
    assertEquals(CallError.Kind.OUTPUT_SIZE_LIMIT, error.kind());
    assertEquals("output size limit: stdout passed the limit of 10 bytes", error.message());
  }

  @Test
  void trapsAreReportedAndTheServiceRecovers() {
    assertStoppedBy(misbehaving(LIMITS), "trap", "[]", CallError.Kind.TRAP, "divide by zero");
  }

  @Test
  void garbageAndWildResultsAreBadResults() {
    Service service = misbehaving(LIMITS);
    CallError garbage = error(service.call("garbage", "[]", params()));
    assertEquals(CallError.Kind.BAD_RESULT, garbage.kind());
    assertTrue(garbage.message().contains("{{{"), garbage.message());
    CallError wild = error(service.call("wild", "[]", params()));
    assertEquals(CallError.Kind.BAD_RESULT, wild.kind());
    assertTrue(wild.message().contains("outside its memory"), wild.message());
  }

  @Test
  void wasiExitStatusIsAnError() {
    Service service = deploy(HOST, "broken/exit_code", LIMITS);
    CallOutcome outcome = service.call("_start", "[]", params());
    CallError error = error(outcome);
    assertEquals(CallError.Kind.EXIT_CODE, error.kind());
    assertTrue(error.message().contains("status 3"), error.message());
    assertEquals(new LogLine("stderr", "something went wrong"), outcome.logs().get(0));
  }

  @Test
  void hostStaysHealthyAcrossManyBrokenCalls() {
    Service service = misbehaving(LIMITS.withFuel(200_000));
    for (int i = 0; i < 20; i++) {
      assertFalse(
          service.call(i % 2 == 0 ? "spin" : "recurse", "[]", params())
              instanceof CallOutcome.Success);
    }
    assertEquals("1", resultText(service.call("counter", "[]", params())));
  }
}
