package io.gyre.air.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Outcome;
import io.gyre.air.testing.LocalPeer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The errors of issue 2 item 4, with AquaVM 0.62's codes, messages and error objects. */
class ErrorSemanticsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String INIT = LocalPeer.INIT.peerId().base58();

  /** Services: "svc.fail" fails with "boom", "svc.obj" returns {"a": [5]}, the rest "x". */
  private static final Function<CallRequest, CallResult> SERVICES =
      request ->
          switch (request.functionName()) {
            case "fail" -> CallResult.error(1, NODES.textNode("boom"));
            case "failobj" -> {
              ObjectNode o = NODES.objectNode();
              o.putArray("x").add(1).addObject();
              o.put("y", "q");
              yield CallResult.error(3, o);
            }
            case "obj" -> {
              ObjectNode o = NODES.objectNode();
              o.putArray("a").add(5);
              yield CallResult.ok(o);
            }
            default -> CallResult.ok(NODES.textNode("x"));
          };

  /** Runs {@code body}, then reports :error: and %last_error% to svc.out; returns those two. */
  private static List<JsonNode> caught(String attempt) {
    LocalPeer peer = new LocalPeer();
    String air =
        "(seq (call %init_peer_id% (\"svc\" \"obj\") [] o)\n"
            + " (xor "
            + attempt
            + "\n"
            + "  (call %init_peer_id% (\"svc\" \"out\") [:error: %last_error%])))";
    Outcome outcome = peer.run(air, SERVICES);
    assertTrue(outcome.succeeded(), () -> outcome.error().toString());
    List<List<JsonNode>> out = peer.argsOf("svc", "out");
    assertEquals(1, out.size(), "the xor caught the error");
    return out.get(0);
  }

  @Test
  void failedServiceCallIsLocalServiceError10000() {
    JsonNode error = caught("(call %init_peer_id% (\"svc\" \"fail\") [\"L\"])").get(0);
    assertEquals(10000, error.get("error_code").asInt());
    assertEquals(
        "Local service error, ret_code is 1, error message is '\"boom\"'",
        error.get("message").asText());
    assertEquals(
        "call %init_peer_id% (\"svc\" \"fail\") [\"L\"] ", error.get("instruction").asText());
    assertEquals(INIT, error.get("peer_id").asText());
  }

  @Test
  void serviceErrorMessageQuotesTheResultAsJavaScriptPrintsIt() {
    JsonNode error = caught("(call %init_peer_id% (\"svc\" \"failobj\") [])").get(0);
    assertEquals(
        "Local service error, ret_code is 3, error message is '{\n    \"x\": [\n        1,\n        {}\n    ],\n    \"y\": \"q\"\n}'",
        error.get("message").asText());
  }

  @Test
  void lensOnTheWrongTypeIs10007() {
    List<JsonNode> errors = caught("(ap o.$.a.b x)");
    JsonNode error = errors.get(0);
    assertEquals(10007, error.get("error_code").asInt());
    assertEquals(
        "value '[5]' is not an map-type to match field accessor with field_name = 'b'",
        error.get("message").asText());
    assertEquals("ap o.$.a.b x", error.get("instruction").asText());
    assertFalse(error.has("peer_id"), ":error: of a non-call instruction names no peer");
    assertEquals(
        INIT, errors.get(1).get("peer_id").asText(), "%last_error% names the current peer");
    assertEquals(
        "value '{\"a\":[5]}' does not contain element with field name = 'zz'",
        caught("(ap o.$.zz x)").get(0).get("message").asText());
    assertEquals(
        "value '[5]' does not contain element for idx = '7'",
        caught("(ap o.$.a.[7] x)").get(0).get("message").asText());
  }

  @Test
  void foldOverANonIterableIs10005() {
    JsonNode error = caught("(fold o i (null))").get(0);
    assertEquals(10005, error.get("error_code").asInt());
    assertEquals(
        "expression 'o' returned non-array value '{\"a\":[5]}' for fold iterable",
        error.get("message").asText());
    assertEquals("fold o i", error.get("instruction").asText());
  }

  @Test
  void failedMatchIs10001AndLeavesLastErrorAlone() {
    List<JsonNode> errors = caught("(match 1 2 (null))");
    assertEquals(10001, errors.get(0).get("error_code").asInt());
    assertEquals("compared values do not match", errors.get(0).get("message").asText());
    assertEquals("match 1 2", errors.get(0).get("instruction").asText());
    assertEquals(0, errors.get(1).get("error_code").asInt(), "%last_error% untouched by match");
    assertEquals(10002, caught("(mismatch 1 1 (null))").get(0).get("error_code").asInt());
  }

  @Test
  void failWithAValueIs10006AndLastErrorIsTheObject() {
    List<JsonNode> errors = caught("(fail 7 \"m\")");
    JsonNode error = errors.get(0);
    assertEquals(10006, error.get("error_code").asInt());
    assertEquals(
        "fail with '{\"error_code\":7,\"instruction\":\"fail 7 \\\"m\\\"\",\"message\":\"m\",\"peer_id\":\""
            + INIT
            + "\"}' is used without corresponding xor",
        error.get("message").asText());
    JsonNode last = errors.get(1);
    assertEquals(7, last.get("error_code").asInt());
    assertEquals("m", last.get("message").asText());
    assertEquals(INIT, last.get("peer_id").asText());
  }

  @Test
  void failErrorRethrowsTheHandledErrorUnchanged() {
    List<JsonNode> errors =
        caught("(xor (call %init_peer_id% (\"svc\" \"fail\") [\"C\"]) (fail :error:))");
    assertEquals(10000, errors.get(0).get("error_code").asInt());
    assertEquals(
        "call %init_peer_id% (\"svc\" \"fail\") [\"C\"] ",
        errors.get(0).get("instruction").asText());
    assertEquals(errors.get(0), errors.get(1));
  }

  @Test
  void errorIsClearedAfterTheCatchingXorEnds() {
    LocalPeer peer = new LocalPeer();
    peer.run(
        "(seq (xor (call %init_peer_id% (\"svc\" \"fail\") [\"A\"]) (null))"
            + " (call %init_peer_id% (\"svc\" \"out\") [:error: %last_error%]))",
        SERVICES);
    List<JsonNode> out = peer.argsOf("svc", "out").get(0);
    assertEquals(0, out.get(0).get("error_code").asInt());
    assertEquals(10000, out.get(1).get("error_code").asInt());
  }

  @Test
  void parWithOneFailedBranchSucceedsAndBothFailedPropagates() {
    LocalPeer peer = new LocalPeer();
    peer.run(
        "(seq (xor (par (call %init_peer_id% (\"svc\" \"fail\") [\"L\"]) (call %init_peer_id% (\"svc\" \"ok\") []))"
            + " (call %init_peer_id% (\"svc\" \"caught\") []))"
            + " (xor (par (call %init_peer_id% (\"svc\" \"fail\") [\"L2\"]) (call %init_peer_id% (\"svc\" \"fail\") [\"R2\"]))"
            + " (call %init_peer_id% (\"svc\" \"caught2\") [])))",
        SERVICES);
    assertEquals(0, peer.argsOf("svc", "caught").size());
    assertEquals(1, peer.argsOf("svc", "caught2").size());
  }

  @Test
  void undefinedVariableIsRefusedBeforeRunning() {
    Outcome outcome = new LocalPeer().run("(call %init_peer_id% (\"svc\" \"f\") [nope])", SERVICES);
    assertEquals(1, outcome.error().orElseThrow().retCode());
    assertTrue(outcome.error().get().message().contains("1:1: variable 'nope' wasn't defined"));
  }

  @Test
  void uncaughtErrorEndsTheRunWithItsCode() {
    Outcome outcome = new LocalPeer().run("(call %init_peer_id% (\"svc\" \"fail\") [])", SERVICES);
    assertEquals(10000, outcome.error().orElseThrow().retCode());
    assertEquals(
        "Local service error, ret_code is 1, error message is '\"boom\"'",
        outcome.error().get().message());
  }

  @Test
  void streamPastItsLimitIsUncatchable20013() {
    String air =
        "(seq (call %init_peer_id% (\"svc\" \"xs\") [] xs)"
            + " (xor (new $s (fold xs x (seq (ap x $s) (next x)))) (call %init_peer_id% (\"svc\" \"caught\") [])))";
    LocalPeer peer = new LocalPeer();
    Outcome outcome =
        peer.run(
            air,
            request -> {
              if (request.functionName().equals("xs")) {
                var array = NODES.arrayNode();
                for (int i = 0; i < 1024; i++) {
                  array.add(i);
                }
                return CallResult.ok(array);
              }
              return CallResult.ok(NODES.textNode("x"));
            });
    assertEquals(20013, outcome.error().orElseThrow().retCode());
    assertEquals(
        "stream size goes over the allowed limit of 1024", outcome.error().get().message());
    assertTrue(peer.argsOf("svc", "caught").isEmpty(), "xor does not catch it");
  }
}
