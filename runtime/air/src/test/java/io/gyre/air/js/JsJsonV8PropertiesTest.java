package io.gyre.air.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link JsJson} is JavaScript's {@code JSON.parse} and {@code JSON.stringify}, proven against V8
 * itself: random JSON texts — numbers of every magnitude and spelling, strings with escapes and
 * lone surrogates, integer-like and duplicate keys, nesting — are parsed and printed by Gyre and by
 * Node.js (src/test/node/stringify.mjs, one process per batch), and the texts must be equal.
 */
class JsJsonV8PropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 6)
  void stringifyOfParseIsV8s(@ForAll("batchesOfJsonTexts") List<String> texts) throws Exception {
    JsonNode v8 = runNode(texts);
    assertEquals(texts.size(), v8.size());
    for (int i = 0; i < texts.size(); i++) {
      JsonNode value = JsJson.parse(texts.get(i));
      String text = texts.get(i);
      assertEquals(
          v8.get(i).get(0).textValue(), JsJson.stringify(value, 4), () -> "indent 4: " + text);
      assertEquals(v8.get(i).get(1).textValue(), JsJson.stringify(value), () -> "compact: " + text);
    }
  }

  @Provide
  Arbitrary<List<String>> batchesOfJsonTexts() {
    return value(4).list().ofSize(400);
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(number(), string(), Arbitraries.of("true", "false", "null"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> array =
        value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(key(), value(depth - 1))
            .as((k, v) -> k + ":" + v)
            .list()
            .ofMaxSize(5)
            .map(fields -> "{" + String.join(",", fields) + "}");
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
  }

  /** Numbers as people and programs write them: the spelling must not matter, only the double. */
  private static Arbitrary<String> number() {
    Arbitrary<String> integers = Arbitraries.longs().map(String::valueOf);
    Arbitrary<String> huge =
        Arbitraries.bigIntegers()
            .between(java.math.BigInteger.TEN.pow(15), java.math.BigInteger.TEN.pow(40))
            .map(Object::toString);
    Arbitrary<String> doubles =
        Arbitraries.doubles()
            .filter(Double::isFinite)
            .map(d -> Double.toString(d).replace("E", "e"));
    Arbitrary<String> decimals =
        Combinators.combine(
                Arbitraries.integers().between(-999999, 999999),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.integers().between(-330, 330))
            .as((whole, fraction, exponent) -> whole + "." + fraction + "e" + exponent);
    Arbitrary<String> edges =
        Arbitraries.of(
            "0",
            "-0",
            "0.0",
            "1e21",
            "1e20",
            "999999999999999999999",
            "1e-7",
            "1e-6",
            "0.000001",
            "5e-324",
            "1.7976931348623157e308",
            "9007199254740993",
            "-9007199254740993",
            "0.1",
            "1E+2",
            "123.456e-2",
            "4294967295",
            "1e400",
            "-1e400");
    return Arbitraries.oneOf(integers, huge, doubles, decimals, edges);
  }

  private static Arbitrary<String> string() {
    Arbitrary<String> plain = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<String> escapes =
        Arbitraries.of(
                "\\ud800",
                "\\udc00",
                "\\ud83d\\ude00",
                "\\ude00\\ud83d",
                "\\u0000",
                "\\u001f",
                "\\\"",
                "\\\\",
                "\\/",
                "\\b",
                "\\f",
                "\\n",
                "\\r",
                "\\t",
                "\\u2028",
                "\\u00e9",
                "a")
            .list()
            .ofMaxSize(6)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(
        plain.map(JsJsonV8PropertiesTest::quoted), escapes.map(s -> "\"" + s + "\""));
  }

  /**
   * Keys: JS orders integer-like keys (array indices) first, ascending; duplicates keep the last.
   */
  private static Arbitrary<String> key() {
    Arbitrary<String> indexLike =
        Arbitraries.of(
            "0",
            "1",
            "2",
            "10",
            "01",
            "-1",
            "1.5",
            "4294967294",
            "4294967295",
            "9007199254740993",
            "a",
            "b",
            "__proto__",
            "constructor",
            "");
    return Arbitraries.oneOf(indexLike, Arbitraries.strings().alpha().ofMaxLength(3))
        .map(JsJsonV8PropertiesTest::quoted);
  }

  /** A JSON string literal for any Java string (lone surrogates escaped by Jackson). */
  private static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode runNode(List<String> texts) throws Exception {
    Path script = Path.of("src/test/node/stringify.mjs").toAbsolutePath();
    Process node;
    try {
      node = new ProcessBuilder("node", script.toString()).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new AssertionError(
          "this test needs Node.js (`node`) on the PATH: " + e.getMessage(), e);
    }
    try {
      node.getOutputStream().write(JSON.writeValueAsBytes(texts));
      node.getOutputStream().close();
      byte[] out = node.getInputStream().readAllBytes();
      String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(node.waitFor(1, TimeUnit.MINUTES), "node did not finish");
      assertEquals(0, node.exitValue(), () -> "node failed: " + err);
      return JSON.readTree(out);
    } finally {
      node.destroyForcibly();
    }
  }
}
