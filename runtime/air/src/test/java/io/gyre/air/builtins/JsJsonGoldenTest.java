package io.gyre.air.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsJsonSyntaxException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code JSON.stringify(JSON.parse(text), null, n)} byte for byte, whether the value comes from
 * Jackson or from {@link JsJson#parse}.
 */
class JsJsonGoldenTest {

  @TestFactory
  Stream<DynamicTest> printsLikeJsonStringify() {
    return StreamSupport.stream(Golden.file().get("printing").spliterator(), false)
        .map(c -> DynamicTest.dynamicTest(c.get("input").asText(), () -> assertPrints(c)));
  }

  private static void assertPrints(JsonNode c) throws JsJsonSyntaxException {
    String input = c.get("input").asText();
    for (JsonNode value : new JsonNode[] {Golden.read(input), JsJson.parse(input)}) {
      assertEquals(c.get("indent4").asText(), JsJson.stringify(value, 4));
      assertEquals(c.get("indent2").asText(), JsJson.stringify(value, 2));
      assertEquals(c.get("compact").asText(), JsJson.stringify(value));
    }
  }
}
