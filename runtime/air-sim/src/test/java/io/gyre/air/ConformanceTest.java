package io.gyre.air;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.conformance.CompareOptions;
import io.gyre.air.conformance.Comparison;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.conformance.ConformanceComparator;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecRunner;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus (conformance/cases in the repository, or -Dgyre.conformance.cases=DIR):
 * every runnable case's SPEC (the real compiler's AIR) runs in Gyre's simulator under delivery
 * seeds 0 to 9 and must meet compare.mjs's rules against the real AquaVM's answer. No case is
 * skipped; compile-error cases have no SPEC and belong to the compiler's tests.
 */
class ConformanceTest {
  private static final long SEEDS = 10;

  @TestFactory
  Stream<DynamicContainer> everyRunnableCasePassesUnderEverySeed() {
    List<ConformanceCase> runnable =
        ConformanceCases.load().stream().filter(ConformanceCase::runnable).toList();
    assertFalse(runnable.isEmpty(), "the corpus has no runnable case");
    return runnable.stream()
        .map(
            kase ->
                DynamicContainer.dynamicContainer(
                    kase.id(),
                    LongStream.range(0, SEEDS)
                        .mapToObj(
                            seed ->
                                DynamicTest.dynamicTest(
                                    "seed " + seed, () -> assertPasses(kase, seed)))));
  }

  private static void assertPasses(ConformanceCase kase, long seed) throws Exception {
    SimulationSpec spec = SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory());
    ObjectNode report = SpecRunner.run(spec, seed, false);
    Comparison comparison = ConformanceComparator.compare(report, kase, CompareOptions.DEFAULT);
    assertTrue(comparison.passed(), () -> "seed " + seed + ": " + comparison.report());
  }
}
