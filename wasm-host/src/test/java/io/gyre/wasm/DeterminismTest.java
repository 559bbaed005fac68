package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A call is a function of the module, the service state and the call's inputs: the same call gives
 * the same result and the same fuel on a fresh service, under the compiler and the interpreter.
 */
class DeterminismTest {

  private static final WasmHost COMPILED = WasmHost.create();
  private static final WasmHost INTERPRETED =
      WasmHost.create(HostOptions.DEFAULT.withMode(ExecutionMode.INTERPRETED));

  @AfterAll
  static void close() {
    COMPILED.close();
    INTERPRETED.close();
  }

  private static CallParameters particle(String particleId, long timestamp, int position) {
    return new CallParameters(
        "12D3KooWinit", particleId, "svc", "12D3KooWhost", timestamp, position, List.of());
  }

  @Test
  void sameCallSameResultAndFuelCompiledOrInterpreted() {
    for (String[] call :
        List.of(
            new String[] {"hashloop", "spin", "[50]"},
            new String[] {"sha256", "digest", "[\"determinism\"]"},
            new String[] {"greeting", "greet", "[\"Zoë\"]"})) {
      CallOutcome first = deploy(COMPILED, call[0]).call(call[1], call[2], params());
      CallOutcome second = deploy(COMPILED, call[0]).call(call[1], call[2], params());
      CallOutcome interpreted = deploy(INTERPRETED, call[0]).call(call[1], call[2], params());
      assertEquals(resultText(first), resultText(second));
      assertEquals(resultText(first), resultText(interpreted));
      assertEquals(first.fuelUsed(), second.fuelUsed(), call[0] + " fuel, twice");
      assertEquals(first.fuelUsed(), interpreted.fuelUsed(), call[0] + " fuel, interpreted");
    }
  }

  private static JsonNode sample(Service entropy, String particleId, int position) {
    return ((CallOutcome.Success)
            entropy.call("sample", "[]", particle(particleId, 1_700_000_000_123L, position)))
        .result();
  }

  @Test
  void clocksAndRandomnessComeFromTheCall() {
    Service entropy = deploy(COMPILED, "entropy");
    JsonNode a = sample(entropy, "p-1", 0);
    JsonNode again = sample(entropy, "p-1", 0);
    JsonNode otherPosition = sample(entropy, "p-1", 1);
    JsonNode otherParticle = sample(entropy, "p-2", 0);
    assertEquals(a, again, "a re-executed call sees the same clock and random bytes");
    assertEquals(1_700_000_000_123_000_000L, a.get("realtime_ns").asLong());
    assertEquals(1_700_000_000_123_000_000L, a.get("monotonic_ns").asLong());
    assertNotEquals(
        a.get("random"), otherPosition.get("random"), "each call position draws its own stream");
    assertNotEquals(
        a.get("random"), otherParticle.get("random"), "each particle draws its own stream");
  }

  @Test
  void callParametersReachTheModule() {
    Service greeting = deploy(COMPILED, "greeting");
    JsonNode caller =
        ((CallOutcome.Success) greeting.call("caller", "[]", particle("p-9", 42, 3))).result();
    assertEquals("12D3KooWinit", caller.get("init_peer_id").asText());
    assertEquals("p-9", caller.get("particle_id").asText());
    assertEquals("svc", caller.get("service_id").asText());
    assertEquals("12D3KooWhost", caller.get("host_id").asText());
    assertEquals(42, caller.get("timestamp").asLong());
  }

  @Test
  void tetrapletsReachTheModule() {
    Service greeting = deploy(COMPILED, "greeting");
    CallParameters withProvenance =
        new CallParameters(
            "init",
            "p",
            "svc",
            "host",
            1,
            0,
            List.of(List.of(new Tetraplet("12D3KooWpeer", "kv", "get", ".$.[0]"))));
    JsonNode caller =
        ((CallOutcome.Success) greeting.call("caller", "[]", withProvenance)).result();
    JsonNode tetraplet = caller.get("tetraplets").get(0).get(0);
    assertEquals("12D3KooWpeer", tetraplet.get("peer_pk").asText());
    assertEquals("kv", tetraplet.get("service_id").asText());
    assertEquals("get", tetraplet.get("function_name").asText());
    assertEquals(".$.[0]", tetraplet.get("lens").asText());
  }
}
