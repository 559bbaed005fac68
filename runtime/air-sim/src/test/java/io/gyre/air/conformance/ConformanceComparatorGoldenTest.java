package io.gyre.air.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The port says what the real compare.mjs says, word for word, about runs made from conformance
 * cases with one deliberate difference each (a changed ok, response, peer, error, instruction,
 * ret_code, undelivered send, missing or extra call, compile error line…), under each flag. The
 * golden file comes from {@code src/test/node/compare-golden.mjs}.
 */
class ConformanceComparatorGoldenTest {

  @TestFactory
  Stream<DynamicTest> saysWhatCompareMjsSays() throws IOException {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("compare-golden.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : golden.get("entries")) {
      String id = entry.get("case").asText();
      ConformanceCase kase = new ConformanceCase(id, Path.of(id), golden.get("cases").get(id));
      for (JsonNode run : entry.get("runs")) {
        List<String> flags = new ArrayList<>();
        run.get("flags").forEach(f -> flags.add(f.asText()));
        tests.add(
            DynamicTest.dynamicTest(
                id + ": " + entry.get("note").asText() + " " + flags,
                () -> {
                  CompareOptions options =
                      new CompareOptions(flags.contains("--strict"), flags.contains("--compiler"));
                  Comparison comparison =
                      flags.contains("--compile-error")
                          ? ConformanceComparator.compareCompileErrors(
                              entry.get("actual"), kase, options)
                          : ConformanceComparator.compare(entry.get("actual"), kase, options);
                  assertEquals(run.get("stdout").asText(), comparison.report() + "\n");
                  assertEquals(run.get("exit").asInt() == 0, comparison.passed());
                }));
      }
    }
    return tests.stream();
  }
}
