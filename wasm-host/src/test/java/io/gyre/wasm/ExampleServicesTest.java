package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every example service, called through the host as a node would call it. */
class ExampleServicesTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  @Test
  void greetingGreets() {
    Service greeting = deploy(HOST, "greeting");
    CallOutcome outcome = greeting.call("greet", "[\"Alice\"]", params());
    assertEquals("\"Hello, Alice!\"", resultText(outcome));
    assertTrue(outcome.fuelUsed() > 0, "fuel is counted");
  }

  @Test
  void kvKeepsStateAcrossCalls() {
    Service kv = deploy(HOST, "kv");
    assertEquals("true", resultText(kv.call("put", "[\"color\", \"blue\"]", params())));
    assertEquals("true", resultText(kv.call("put", "[\"shape\", \"round\"]", params())));
    assertEquals("false", resultText(kv.call("put", "[\"color\", \"green\"]", params())));
    assertEquals("[\"green\"]", resultText(kv.call("get", "[\"color\"]", params())));
    assertEquals("[]", resultText(kv.call("get", "[\"size\"]", params())));
    assertEquals("2", resultText(kv.call("size", "[]", params())));
  }

  @Test
  void sha256CommandHashesItsInput() throws Exception {
    Service sha = deploy(HOST, "sha256");
    String text = "hello, gyre";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    CallOutcome outcome = sha.call("digest", "[\"" + text + "\"]", params());
    assertEquals("\"" + expected + "\"", resultText(outcome));
    assertEquals(new LogLine("stderr", "hashed 11 bytes"), outcome.logs().get(0));
  }

  @Test
  void hashloopSpins() {
    Service hashloop = deploy(HOST, "hashloop");
    CallOutcome small = hashloop.call("spin", "[1]", params());
    CallOutcome large = hashloop.call("spin", "[1000]", params());
    assertTrue(resultText(small).matches("\"[0-9a-f]{16}\""));
    assertTrue(
        large.fuelUsed() > 300 * small.fuelUsed(), small.fuelUsed() + " vs " + large.fuelUsed());
  }
}
