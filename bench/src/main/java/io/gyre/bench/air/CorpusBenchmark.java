package io.gyre.bench.air;

import io.gyre.air.AirLimits;
import io.gyre.air.Interpreter;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole conformance corpus on Gyre's interpreter, as BENCH.md's "total interp" for AquaVM:
 * every runnable case simulated to quiescence the way run-air schedules it, and only the
 * interpreter runs timed, bytes in (script, previous data, incoming data, call results) to bytes
 * out (new signed data, call requests, next peers). One operation is the whole corpus (or the cases
 * named by {@code -p cases=ID,ID}); compare its time with the sum of bench-avm.mjs's "total interp"
 * medians measured in the same session.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl bench -am package
 * java -jar bench/target/benchmarks.jar CorpusBenchmark                      # from the repo root
 * java -jar bench/target/benchmarks.jar CorpusBenchmark -p cases=31-deep-seq-200
 * cd ../shared/oracle && node --stack-size=4000 bench-avm.mjs ../conformance/cases/*&#47;case.json
 * </pre>
 *
 * <p>{@code corpusWarm} reuses one interpreter, so every script is parsed once and then found in
 * the parse cache; {@code corpusFreshInterpreter} builds a new interpreter per case, which makes
 * the parse cold only if the cache belongs to the interpreter instance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class CorpusBenchmark {

  /** {@code all}, or case directory names separated by commas. */
  @Param("all")
  public String cases;

  private final Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
  private Map<String, List<RecordedRun>> runsByCase;

  @Setup
  public void recordTheCorpus() throws SpecException {
    Set<String> wanted =
        cases.equals("all") ? Set.of() : Set.copyOf(Arrays.asList(cases.split(",")));
    runsByCase = new LinkedHashMap<>();
    int total = 0;
    for (ConformanceCase kase : ConformanceCases.load()) {
      if (!kase.runnable() || (!wanted.isEmpty() && !wanted.contains(kase.id()))) {
        continue;
      }
      SimulationSpec spec = SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory());
      List<RecordedRun> runs = CorpusRecorder.record(kase.id(), spec, interpreter);
      runsByCase.put(kase.id(), runs);
      total += runs.size();
      System.out.printf("recorded %-32s %4d interpreter runs%n", kase.id(), runs.size());
    }
    if (runsByCase.isEmpty()) {
      throw new IllegalArgumentException("no runnable case matches -p cases=" + cases);
    }
    System.out.printf(
        "corpus: %d cases, %d interpreter runs per operation%n", runsByCase.size(), total);
  }

  @Benchmark
  public void corpusWarm(Blackhole sink) {
    for (List<RecordedRun> runs : runsByCase.values()) {
      replay(interpreter, runs, sink);
    }
  }

  @Benchmark
  public void corpusFreshInterpreter(Blackhole sink) {
    for (List<RecordedRun> runs : runsByCase.values()) {
      replay(new Interpreter(AirLimits.AQUAVM_DEFAULTS), runs, sink);
    }
  }

  private static void replay(Interpreter interpreter, List<RecordedRun> runs, Blackhole sink) {
    for (RecordedRun r : runs) {
      sink.consume(
          interpreter.run(r.script(), r.prevData(), r.data(), r.callResults(), r.context()));
    }
  }
}
