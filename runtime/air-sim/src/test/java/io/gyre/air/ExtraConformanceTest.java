package io.gyre.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.conformance.CompareOptions;
import io.gyre.air.conformance.Comparison;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.conformance.ConformanceComparator;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * More programs than the shared corpus, recorded the same way (compiled by the real Aqua compiler
 * and run on the real AquaVM by the oracle's regen.sh, in src/test/resources/conformance-extra):
 * nested folds over streams, try inside for, structs built in parallel loops, closures filling
 * streams, a par whose one branch fails, a timeout racing an answer, co and parseq. Compared with
 * the strict rules (ret codes, results and instruction texts too) under ten delivery seeds.
 */
class ExtraConformanceTest {

  @TestFactory
  Stream<DynamicContainer> extraCasesPassStrictlyUnderEverySeed() throws URISyntaxException {
    Path dir = Path.of(getClass().getResource("/conformance-extra").toURI());
    List<ConformanceCase> cases = ConformanceCases.load(dir);
    assertEquals(9, cases.size());
    return cases.stream()
        .map(
            kase ->
                DynamicContainer.dynamicContainer(
                    kase.id(),
                    LongStream.range(0, 10)
                        .mapToObj(
                            seed ->
                                DynamicTest.dynamicTest(
                                    "seed " + seed, () -> assertPasses(kase, seed)))));
  }

  private static void assertPasses(ConformanceCase kase, long seed) throws Exception {
    SimulationSpec spec = SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory());
    ObjectNode report = SpecRunner.run(spec, seed, false);
    Comparison comparison = ConformanceComparator.compare(report, kase, CompareOptions.STRICT);
    assertTrue(comparison.passed(), () -> "seed " + seed + ": " + comparison.report());
  }
}
