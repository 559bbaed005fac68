package io.gyre.bench.wasm;

import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ExecutionMode;
import io.gyre.wasm.HostOptions;
import io.gyre.wasm.Service;
import io.gyre.wasm.WasmHost;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4, benchmark (b): the CPU-heavy example (hashloop.spin, {@value #ROUNDS} passes over a 4
 * KiB buffer) warm, under Chicory's interpreter, its compiler without metering, and its compiler
 * with Gyre's fuel metering. Compilation is done in setup (timed apart by {@link
 * ModuleLoadBenchmark}). bench/node/run-wasm.mjs runs the same .wasm in V8 for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xss256m")
public class CpuHeavyBenchmark {

  static final int ROUNDS = 2000;
  static final String ARGUMENT = "[" + ROUNDS + "]";

  @Param({"interpreter", "compiler", "compiler+fuel"})
  public String engine;

  private WasmHost host;
  private Service hashloop;
  private final CallParameters parameters = CallParameters.local("hashloop", 0);

  @Setup(Level.Trial)
  public void setUp() {
    HostOptions options =
        switch (engine) {
          case "interpreter" -> HostOptions.DEFAULT.withMode(ExecutionMode.INTERPRETED);
          case "compiler" -> HostOptions.DEFAULT.withFuelMetering(false);
          case "compiler+fuel" -> HostOptions.DEFAULT;
          default -> throw new IllegalArgumentException(engine);
        };
    host = WasmHost.create(options.withRunOnCallerThread(true));
    hashloop = ExampleModules.deploy(host, "hashloop");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    host.close();
  }

  @Benchmark
  public Object spin() {
    return ExampleModules.succeed(hashloop.call("spin", ARGUMENT, parameters)).result();
  }
}
