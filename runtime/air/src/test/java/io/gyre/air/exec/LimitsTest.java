package io.gyre.air.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.InterpreterError;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.air.testing.LocalPeer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit of {@link AirLimits} and the TTL give an error outcome naming them, never an
 * exception.
 */
class LimitsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AirLimits SMALL = new AirLimits(200, 300, 100, 3);

  private static InterpreterError error(Outcome outcome) {
    return outcome.error().orElseThrow(() -> new AssertionError("expected an error outcome"));
  }

  @Test
  void scriptOverTheLimit() {
    String air = "(seq (null) " + "(seq (null) (null))".repeat(1) + ")" + " ".repeat(300);
    Outcome outcome =
        new Interpreter(SMALL)
            .run(air, new byte[0], new byte[0], Map.of(), LocalPeer.context(LocalPeer.INIT));
    assertEquals(10, error(outcome).retCode());
    assertTrue(error(outcome).message().startsWith("air size: " + air.length() + " bytes"));
    assertTrue(error(outcome).message().endsWith("is bigger than the limit allowed: 200 bytes"));
  }

  @Test
  void incomingDataOverTheLimit() {
    Outcome outcome =
        new Interpreter(SMALL)
            .run("(null)", new byte[0], new byte[301], Map.of(), LocalPeer.context(LocalPeer.INIT));
    assertEquals(11, error(outcome).retCode());
    assertTrue(
        error(outcome).message().contains("301 bytes is bigger than the limit allowed: 300 bytes"));
  }

  @Test
  void callResultOverTheLimit() {
    LocalPeer peer = new LocalPeer(SMALL);
    Outcome outcome =
        peer.run(
            "(call %init_peer_id% (\"svc\" \"big\") [] x)",
            r -> CallResult.ok(NODES.textNode("y".repeat(200))));
    assertEquals(12, error(outcome).retCode());
    assertTrue(
        error(outcome)
            .message()
            .startsWith("Call result size is bigger than the limit allowed: 100 bytes"));
  }

  @Test
  void streamOverTheLimit() {
    LocalPeer peer = new LocalPeer(SMALL);
    Outcome outcome =
        peer.run(
            "(seq (ap 1 $s) (seq (ap 2 $s) (seq (ap 3 $s) (ap 4 $s))))",
            r -> CallResult.ok(NODES.nullNode()));
    assertEquals(20013, error(outcome).retCode());
    assertEquals("stream size goes over the allowed limit of 4", error(outcome).message());
  }

  @Test
  void expiredParticleIsRefused() {
    RunContext late =
        new RunContext(LocalPeer.INIT, "p", LocalPeer.INIT.peerId().base58(), 1_000, 500, 1_501);
    Outcome outcome =
        new Interpreter(AirLimits.AQUAVM_DEFAULTS)
            .run("(null)", new byte[0], new byte[0], Map.of(), late);
    assertEquals(40000, error(outcome).retCode());
    assertTrue(error(outcome).message().contains("particle expired"));
    RunContext onTime =
        new RunContext(LocalPeer.INIT, "p", LocalPeer.INIT.peerId().base58(), 1_000, 500, 1_500);
    assertTrue(
        new Interpreter(AirLimits.AQUAVM_DEFAULTS)
            .run("(null)", new byte[0], new byte[0], Map.of(), onTime)
            .succeeded());
  }

  @Test
  void garbageDataIsADeserializationError() {
    Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
    byte[] prev = {1, 2, 3};
    Outcome outcome =
        interpreter.run("(null)", prev, new byte[0], Map.of(), LocalPeer.context(LocalPeer.INIT));
    assertEquals(2, error(outcome).retCode());
    assertTrue(error(outcome).message().contains("bad magic"));
    assertArrayEquals(prev, outcome.data(), "a failed run hands back the previous data");
    byte[] truncated = {'G', 'A', 'I', 'R', 1, 5, 100};
    assertEquals(
        2,
        error(
                interpreter.run(
                    "(null)", new byte[0], truncated, Map.of(), LocalPeer.context(LocalPeer.INIT)))
            .retCode());
  }

  @Test
  void callResultNobodyAskedForIsRefused() {
    Outcome outcome =
        new Interpreter(AirLimits.AQUAVM_DEFAULTS)
            .run(
                "(null)",
                new byte[0],
                new byte[0],
                Map.of(7, CallResult.ok(NODES.nullNode())),
                LocalPeer.context(LocalPeer.INIT));
    assertEquals(30000, error(outcome).retCode());
    assertTrue(error(outcome).message().contains("`[7]`"));
  }
}
