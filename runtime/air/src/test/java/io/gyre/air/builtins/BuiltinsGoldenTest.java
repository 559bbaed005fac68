package io.gyre.air.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.js.JsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every builtin call in the golden file answers what js-client's real handler answered. */
class BuiltinsGoldenTest {

  @TestFactory
  Stream<DynamicTest> everyGoldenCallAnswersLikeJsClient() {
    return StreamSupport.stream(Golden.file().get("calls").spliterator(), false)
        .map(
            call ->
                DynamicTest.dynamicTest(
                    call.get("service").asText()
                        + "."
                        + call.get("function").asText()
                        + " "
                        + call.get("args").asText(),
                    () -> assertAnswersLikeJsClient(call)));
  }

  private static void assertAnswersLikeJsClient(JsonNode call) {
    String service = call.get("service").asText();
    String function = call.get("function").asText();
    List<JsonNode> args = new ArrayList<>();
    Golden.read(call.get("args").asText()).forEach(args::add);

    assertEquals(call.get("handled").asBoolean(), StandardBuiltins.handles(service, function));
    BuiltinReply reply = StandardBuiltins.call(service, function, args, 0);
    assertEquals(call.get("ret_code").asInt(), reply.result().retCode(), "ret_code");
    // js-client's exact text for AquaVM: JSON.stringify(result, null, 4)
    assertEquals(call.get("result").asText(), JsJson.stringify(reply.result().result(), 4));
  }

  @Test
  void theGoldenFileCoversEveryBuiltinFunction() {
    List<String> covered = new ArrayList<>();
    Golden.file()
        .get("calls")
        .forEach(c -> covered.add(c.get("service").asText() + "." + c.get("function").asText()));
    for (String service : StandardBuiltins.serviceIds()) {
      for (String fn : List.of("noop", "add", "sum", "obj", "stringify", "identify")) {
        if (StandardBuiltins.handles(service, fn)) {
          assertTrue(covered.contains(service + "." + fn), service + "." + fn);
        }
      }
    }
    assertTrue(covered.size() > 700, "golden file has " + covered.size() + " calls");
  }
}
