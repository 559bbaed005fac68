package io.gyre.aqua.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.conformance.CompareOptions;
import io.gyre.air.conformance.Comparison;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.conformance.ConformanceComparator;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecRunner;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Gyre's compiler against the conformance corpus (conformance/cases) and the compiler's own probe
 * cases (src/test/resources/.../probes, same format, expectations from the real Aqua compiler and
 * AquaVM): every case's Aqua is compiled by Gyre, the function runs in Gyre's simulator under the
 * case's SPEC with delivery seeds 0 to 9, and compare.mjs's {@code --compiler} rules must hold.
 * Compile-error cases must be rejected at the line the case names.
 */
class CompilerConformanceTest {
  private static final long SEEDS = 10;
  static final Path PROBES = Path.of("src/test/resources/io/gyre/aqua/probes");

  @TestFactory
  Stream<DynamicNode> sharedCorpus() {
    return cases(ConformanceCases.load());
  }

  @TestFactory
  Stream<DynamicNode> compilerProbes() {
    return cases(ConformanceCases.load(PROBES));
  }

  /**
   * The probes' own AIR, made by the real compiler, on Gyre's interpreter: the recorded answer is
   * what both compilers' AIR must give.
   */
  @TestFactory
  Stream<DynamicNode> realCompilerAirOfTheProbes() {
    List<ConformanceCase> runnable =
        ConformanceCases.load(PROBES).stream().filter(ConformanceCase::runnable).toList();
    assertFalse(runnable.isEmpty());
    return runnable.stream().map(kase -> everySeed(kase, seed -> assertRealAirRuns(kase, seed)));
  }

  private interface SeedRun {
    void run(long seed) throws Exception;
  }

  private static DynamicNode everySeed(ConformanceCase kase, SeedRun run) {
    return DynamicContainer.dynamicContainer(
        kase.id(),
        LongStream.range(0, SEEDS)
            .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run.run(seed))));
  }

  private static void assertRealAirRuns(ConformanceCase kase, long seed) throws Exception {
    SimulationSpec simulation = SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory());
    ObjectNode report = SpecRunner.run(simulation, seed, false);
    Comparison comparison = ConformanceComparator.compare(report, kase, CompareOptions.DEFAULT);
    assertTrue(comparison.passed(), () -> "seed " + seed + ": " + comparison.report());
  }

  private static Stream<DynamicNode> cases(List<ConformanceCase> cases) {
    assertFalse(cases.isEmpty());
    List<DynamicNode> nodes = new ArrayList<>();
    for (ConformanceCase kase : cases) {
      if (kase.compileError()) {
        nodes.add(DynamicTest.dynamicTest(kase.id(), () -> assertRejectedAtLine(kase)));
      } else {
        nodes.add(everySeed(kase, seed -> assertRuns(kase, seed)));
      }
    }
    return nodes.stream();
  }

  private static void assertRuns(ConformanceCase kase, long seed) throws Exception {
    CompiledFunction function = compile(kase);
    ObjectNode spec = kase.spec().orElseThrow().deepCopy();
    spec.put("air", function.air());
    SimulationSpec simulation = SimulationSpec.parse(spec, kase.directory());
    ObjectNode report = SpecRunner.run(simulation, seed, false);
    Comparison comparison = ConformanceComparator.compare(report, kase, CompareOptions.COMPILER);
    assertTrue(
        comparison.passed(),
        () -> "seed " + seed + ": " + comparison.report() + "\nAIR:\n" + function.air());
  }

  /** Each case is compiled once and its AIR run under every seed. */
  private static final java.util.Map<Path, CompiledFunction> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static CompiledFunction compile(ConformanceCase kase) throws Exception {
    CompiledFunction cached = COMPILED.get(kase.directory());
    if (cached != null) {
      return cached;
    }
    CompiledFunction compiled = compileOnce(kase);
    COMPILED.put(kase.directory(), compiled);
    return compiled;
  }

  private static CompiledFunction compileOnce(ConformanceCase kase) throws Exception {
    String name = kase.json().path("function").asText();
    try {
      CompiledModule module = Compile.module(Compile.file(kase.directory().resolve("case.aqua")));
      return module
          .function(name)
          .orElseThrow(() -> new AssertionError("function " + name + " not exported"));
    } catch (CompileException e) {
      return fail("does not compile:\n" + render(e));
    }
  }

  private static void assertRejectedAtLine(ConformanceCase kase) throws Exception {
    try {
      Compile.compiler().compile(List.of(Compile.file(kase.directory().resolve("case.aqua"))));
      fail(
          "compiled, but the case expects a compile error at line " + kase.expected().path("line"));
    } catch (CompileException e) {
      Diagnostic first = e.diagnostics().get(0);
      ObjectNode actual = JsonNodeFactory.instance.objectNode();
      actual.put("line", first.pos().line());
      actual.put("message", first.message());
      Comparison comparison =
          ConformanceComparator.compareCompileErrors(actual, kase, CompareOptions.COMPILER);
      assertTrue(comparison.passed(), () -> comparison.report() + "\n" + render(e));
      assertEquals(kase.expected().path("line").asInt(), first.pos().line());
    }
  }

  private static String render(CompileException e) {
    return String.join("\n", e.diagnostics().stream().map(Diagnostic::render).toList());
  }
}
