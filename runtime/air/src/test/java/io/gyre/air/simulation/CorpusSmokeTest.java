package io.gyre.air.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.testing.CaseRunner;
import io.gyre.identity.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A quick guard while developing the interpreter: every runnable corpus case under ten delivery
 * seeds, with the test-only mocks, checking ok, the response (sorted when order does not matter),
 * the interpreter error codes and the undelivered sends. The full rules of the corpus are applied
 * by the harness's conformance test.
 */
class CorpusSmokeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CaseRunner.casesDir())) {
      for (Path dir : dirs.sorted().toList()) {
        JsonNode c = MAPPER.readTree(dir.resolve("case.json").toFile());
        if (c.has("spec")) {
          for (long seed = 0; seed < 10; seed++) {
            out.add(Arguments.of(dir.getFileName().toString(), seed, c));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void behavesAsTheOracle(String name, long seed, JsonNode c) {
    JsonNode expected = c.get("expected");
    JsonNode actual = CaseRunner.run(c.get("spec"), seed);
    assertEquals(expected.get("ok").asBoolean(), actual.get("ok").asBoolean(), "ok");
    boolean ordered = c.get("order_sensitive").asBoolean();
    int arity = c.path("response_arity").asInt(1);
    assertEquals(
        normalize(expected.get("response"), ordered, arity, c),
        normalize(actual.get("response"), ordered, arity, c),
        "response");
    assertEquals(
        codes(expected.get("interpreter_errors")),
        codes(actual.get("interpreter_errors")),
        "interpreter errors");
    assertEquals(
        expected.get("undelivered").size(), actual.get("undelivered").size(), "undelivered sends");
    assertEquals(
        expected.get("errors").size(), actual.get("errors").size(), "errorHandlingSrv calls");
    assertEquals(expected.get("calls").size(), actual.get("calls").size(), "service calls");
  }

  private static List<Integer> codes(JsonNode errors) {
    List<Integer> codes = new ArrayList<>();
    errors.forEach(e -> codes.add(e.get("ret_code").asInt()));
    codes.sort(null);
    return codes;
  }

  private static JsonNode normalize(JsonNode value, boolean ordered, int arity, JsonNode c) {
    JsonNode named = names(value, c);
    if (ordered || named == null) {
      return named;
    }
    if (arity > 1 && named.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      named.forEach(v -> out.add(sorted(v)));
      return out;
    }
    return sorted(named);
  }

  private static JsonNode names(JsonNode value, JsonNode c) {
    String text = value.toString();
    for (var it = c.get("peer_ids").fields(); it.hasNext(); ) {
      var e = it.next();
      text =
          text.replace(KeyPair.fromSeedName(e.getKey()).peerId().base58(), "@peer:" + e.getKey());
    }
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode sorted(JsonNode v) {
    if (!v.isArray()) {
      return v;
    }
    List<JsonNode> items = new ArrayList<>();
    v.forEach(x -> items.add(sorted(x)));
    items.sort((a, b) -> a.toString().compareTo(b.toString()));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    items.forEach(out::add);
    return out;
  }
}
