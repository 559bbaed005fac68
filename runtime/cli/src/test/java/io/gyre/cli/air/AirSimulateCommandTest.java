package io.gyre.cli.air;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.conformance.CanonicalJson;
import io.gyre.cli.GyreRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyre air simulate}, run in-process. */
class AirSimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String errors(String message) {
    return "{\n  \"errors\": [\n    \"" + message + "\"\n  ]\n}\n";
  }

  @Test
  void withoutASpecItPrintsTheUsageAsAnErrorAndExits2() {
    GyreRun run = gyre("air", "simulate");
    assertEquals(2, run.exitCode());
    assertEquals(errors("usage: gyre air simulate SPEC.json [--seed N] [--trace]"), run.out());
  }

  @Test
  void aBadSeedIsAUsageError(@TempDir Path dir) throws IOException {
    Path spec = Files.writeString(dir.resolve("s.json"), "{\"air\": \"(null)\"}");
    GyreRun run = gyre("air", "simulate", spec.toString(), "--seed", "soon");
    assertEquals(2, run.exitCode());
    assertEquals(errors("--seed must be an integer, not 'soon'"), run.out());
  }

  @Test
  void aMissingFileIsAUsageError() throws IOException {
    GyreRun run = gyre("air", "simulate", "/no/such/spec.json");
    assertEquals(2, run.exitCode());
    assertTrue(
        JSON.readTree(run.out())
            .get("errors")
            .get(0)
            .asText()
            .startsWith("cannot read /no/such/spec.json"));
  }

  @Test
  void aSpecWithoutAirIsAUsageError(@TempDir Path dir) throws IOException {
    Path spec = Files.writeString(dir.resolve("s.json"), "{\"peers\": [\"alice\"]}");
    GyreRun run = gyre("air", "simulate", spec.toString());
    assertEquals(2, run.exitCode());
    assertEquals(errors("SPEC.air (or SPEC.air_file) must be a string"), run.out());
  }

  @Test
  void malformedJsonOnStdinIsAUsageErrorThatSaysWhere() throws IOException {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("{\"air\": ".getBytes(StandardCharsets.UTF_8)));
      GyreRun run = gyre("air", "simulate", "-");
      assertEquals(2, run.exitCode());
      assertTrue(
          JSON.readTree(run.out())
              .get("errors")
              .get(0)
              .asText()
              .startsWith("SPEC is not valid JSON at 1:"),
          run.out());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void aSpecNestedTwentyThousandLevelsDeepIsOneLineNamingTheLimit(@TempDir Path dir)
      throws IOException {
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    Path spec =
        Files.writeString(
            dir.resolve("deep.json"), "{\"air\": \"(null)\", \"args\": {\"a\": " + deep + "}}");
    GyreRun run = gyre("air", "simulate", spec.toString());
    assertEquals(2, run.exitCode());
    JsonNode errors = JSON.readTree(run.out()).get("errors");
    assertEquals(1, errors.size(), run.out());
    assertTrue(
        errors.get(0).asText().startsWith("the SPEC is nested deeper than 512 levels (line 1, "),
        run.out());
    assertEquals(1, run.out().lines().filter(l -> l.contains("nested")).count(), run.out());
    assertEquals("", run.err());
    assertFalse(run.out().contains("Exception") || run.out().contains("at io."), run.out());
  }

  /**
   * Each example of examples/air gives what the real AquaVM gave (examples/air/oracle): the same
   * ok, response (stream order aside), calls and undelivered sends.
   */
  @TestFactory
  Stream<DynamicTest> examplesRunAsOnTheRealAquaVm() throws IOException {
    Path examples = repositoryRoot().resolve("examples/air");
    List<Path> specs;
    try (Stream<Path> files = Files.list(examples)) {
      specs = files.filter(f -> f.toString().endsWith(".spec.json")).sorted().toList();
    }
    assertFalse(specs.isEmpty());
    return specs.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.getFileName().toString(),
                    () -> {
                      String name = spec.getFileName().toString().replace(".spec.json", "");
                      JsonNode oracle =
                          JSON.readTree(examples.resolve("oracle/" + name + ".out.json").toFile());
                      GyreRun run = gyre("air", "simulate", spec.toString());
                      assertEquals(0, run.exitCode(), run.out());
                      JsonNode gyre = JSON.readTree(run.out());
                      assertEquals(oracle.get("ok"), gyre.get("ok"));
                      assertEquals(sortedResponse(oracle), sortedResponse(gyre));
                      assertEquals(callKeys(oracle), callKeys(gyre));
                      assertEquals(destinations(oracle), destinations(gyre));
                      assertFalse(gyre.has("trace"), "no trace unless asked");
                      assertTrue(
                          JSON.readTree(gyre("air", "simulate", spec.toString(), "--trace").out())
                              .get("trace")
                              .isArray());
                    }));
  }

  private static String sortedResponse(JsonNode run) {
    JsonNode response = run.get("response");
    return CanonicalJson.canon(
        CanonicalJson.sortResponse(response, response.isArray() ? response.size() : 1));
  }

  private static List<String> callKeys(JsonNode run) {
    List<String> keys = new ArrayList<>();
    for (JsonNode c : run.get("calls")) {
      keys.add(
          c.get("peer_alias").asText()
              + " "
              + c.get("service").asText()
              + "."
              + c.get("function").asText()
              + " "
              + CanonicalJson.canon(CanonicalJson.deepSort(c.get("args"))));
    }
    keys.sort(null);
    return keys;
  }

  private static List<String> destinations(JsonNode run) {
    List<String> to = new ArrayList<>();
    run.get("undelivered").forEach(u -> to.add(u.get("to").asText()));
    to.sort(null);
    return to;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("gyre"))
          && Files.isDirectory(dir.resolve("examples/air"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root (with examples/air)");
  }
}
