package io.gyre.air.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsJsonSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the golden file cannot pin: time, delays, and input no JS program would send. */
class StandardBuiltinsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static BuiltinReply call(String service, String fn, JsonNode... args) {
    return StandardBuiltins.call(service, fn, List.of(args), 1_700_000_001_999L);
  }

  @Test
  void peerTimeoutAnswersItsMessageAfterNodesDelay() {
    BuiltinReply reply = call("peer", "timeout", NODES.numberNode(300), NODES.textNode("late"));
    assertEquals(0, reply.result().retCode());
    assertEquals("late", reply.result().result().asText());
    assertEquals(300, reply.delayMs());
    // Node's setTimeout turns delays below 1 ms (and NaN-like ones) into 1 ms
    assertEquals(1, call("peer", "timeout", NODES.numberNode(0), NODES.textNode("x")).delayMs());
    assertEquals(1, call("peer", "timeout", NODES.numberNode(-5), NODES.textNode("x")).delayMs());
    assertEquals(2, call("peer", "timeout", NODES.numberNode(2.7), NODES.textNode("x")).delayMs());
    assertEquals(1, call("peer", "timeout", NODES.numberNode(1e12), NODES.textNode("x")).delayMs());
  }

  @Test
  void everyOtherBuiltinAnswersAtOnce() {
    assertEquals(0, call("op", "noop").delayMs());
    assertEquals(0, call("peer", "timeout", NODES.textNode("bad")).delayMs());
  }

  @Test
  void timestampsComeFromTheCallersClock() {
    assertEquals(1_700_000_001_999L, call("peer", "timestamp_ms").result().result().asLong());
    assertEquals(1_700_000_001L, call("peer", "timestamp_sec").result().result().asLong());
  }

  @Test
  void unknownFunctionsAreNotHandledAndGetJsClientsNotFoundError() {
    assertFalse(StandardBuiltins.handles("op", "nope"));
    assertFalse(StandardBuiltins.handles("getDataSrv", "x"));
    assertTrue(StandardBuiltins.handles("run-console", "print"));
    BuiltinReply reply = call("op", "nope", NODES.textNode("a"));
    assertEquals(1, reply.result().retCode());
    assertEquals(
        "No service found for service call: serviceId='op', fnName='nope' args='[\n    \"a\"\n]'",
        reply.result().result().asText());
  }

  @Test
  void deeplyNestedJsonIsAnErrorResultNotACrash() {
    String deep = "[".repeat(200_000);
    BuiltinReply reply = call("json", "parse", NODES.textNode(deep));
    assertEquals(1, reply.result().retCode());
    assertTrue(reply.result().result().asText().contains("Maximum call stack size exceeded"));
  }

  @Test
  void parseErrorsCarryV8sMessage() {
    JsJsonSyntaxException e = assertThrows(JsJsonSyntaxException.class, () -> JsJson.parse("[1,"));
    assertEquals("Unexpected end of JSON input", e.getMessage());
  }

  @Test
  void argumentsAreTakenAsJsNumbers() {
    // 2^53 + 1 reaches the handler as 2^53, as JSON.parse gives it to js-client
    BuiltinReply reply =
        call(
            "math",
            "sub",
            NODES.numberNode(9007199254740993L),
            NODES.numberNode(9007199254740992L));
    assertEquals(0, reply.result().result().asInt());
  }
}
