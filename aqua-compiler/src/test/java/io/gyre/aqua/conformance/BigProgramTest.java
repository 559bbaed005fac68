package io.gyre.aqua.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecRunner;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.testing.Compile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's large input — the 2,038-line program the workshop's {@code gen-aqua.py 92}
 * generates, kept as test data ({@code io/gyre/aqua/big/big92.aqua}) — compiles, and its functions
 * run in Gyre's simulator: a {@code for ... par} over two peers, a join, an if/else and a try/catch
 * each.
 */
class BigProgramTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CompiledModule big;

  @BeforeAll
  static void compile() throws Exception {
    String source;
    try (var in = BigProgramTest.class.getResourceAsStream("/io/gyre/aqua/big/big92.aqua")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(2038, source.lines().count());
    Path file = Files.createTempDirectory("big-aqua").resolve("big.aqua");
    Files.writeString(file, source);
    big = Compile.module(Compile.file(file));
    assertEquals(92, big.functions().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"f0", "f45", "f91"})
  void generatedFunctionsRun(String name) throws Exception {
    String n = name.substring(1);
    for (long seed = 0; seed < 3; seed++) {
      ObjectNode spec =
          (ObjectNode)
              JSON.readTree(
                  """
          {"init_peer": "init", "relay": "relay", "peers": ["relay", "alice", "bob"],
           "args": {"peers": ["@peer:alice", "@peer:bob"], "x": 11},
           "services": {"calc.rec": {"name": "r", "value": 5}, "calc.add": 16},
           "ttl_ms": 10000}
          """);
      spec.put("air", big.function(name).orElseThrow().air());
      ObjectNode report = SpecRunner.run(SimulationSpec.parse(spec, Path.of(".")), seed, false);
      assertTrue(report.path("ok").asBoolean(), () -> report.toPrettyString());
      JsonNode response = report.path("response");
      assertEquals(11, response.get(1).asInt(), response::toString);
      assertEquals(3, response.get(0).size(), response::toString);
      assertTrue(response.get(0).toString().contains("\"big" + n + "\""), response::toString);
    }
  }
}
