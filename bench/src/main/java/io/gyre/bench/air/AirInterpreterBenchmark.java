package io.gyre.bench.air;

import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gyre's interpreter on bench-avm.mjs's synthetic workloads, one run bytes in to bytes out (decode,
 * merge with signature checks, execute, encode, sign), with the parse cache warm (the script was
 * parsed before) or cold (cleared before every run). Compare the p0.50 sample with AquaVM's
 * "interp" median measured in the same session (bench/RESULTS.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class AirInterpreterBenchmark {

  @Param({"empty", "replay-500", "fold-par-1000-emit", "fold-par-1000-consume", "merge-1mb"})
  public String workload;

  @Param({"warm", "cold"})
  public String parseCache;

  private Workloads.Run run;
  private Interpreter interpreter;
  private boolean cold;

  @Setup(Level.Trial)
  public void prepare() {
    run =
        switch (workload) {
          case "empty" -> Workloads.empty();
          case "replay-500" -> Workloads.replay500();
          case "fold-par-1000-emit" -> Workloads.foldPar1000Emit();
          case "fold-par-1000-consume" -> Workloads.foldPar1000Consume();
          case "merge-1mb" -> Workloads.merge1mb();
          default -> throw new IllegalArgumentException(workload);
        };
    interpreter = Workloads.interpreter();
    cold = parseCache.equals("cold");
    Outcome check = Workloads.must(run.on(interpreter), workload);
    int expectedRequests =
        switch (workload) {
          case "fold-par-1000-emit" -> 1000;
          case "merge-1mb" -> 1;
          default -> 0;
        };
    if (check.callRequests().size() != expectedRequests) {
      throw new IllegalStateException(
          workload + ": " + check.callRequests().size() + " call requests");
    }
  }

  @Benchmark
  public Outcome run() {
    if (cold) {
      interpreter.clearParseCache();
    }
    return run.on(interpreter);
  }
}
