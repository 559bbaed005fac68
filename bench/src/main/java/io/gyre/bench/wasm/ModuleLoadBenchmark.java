package io.gyre.bench.wasm;

import io.gyre.wasm.ExecutionMode;
import io.gyre.wasm.HostOptions;
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
 * Deploy cost of a module, apart from calls: validate, read the manifest, meter (bytecode
 * rewriting) and compile to JVM bytecode — what {@code dist.add_module} pays once per module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModuleLoadBenchmark {

  @Param({"hashloop", "sha256"})
  public String module;

  @Param({"compiler+fuel", "interpreter+fuel"})
  public String engine;

  private byte[] bytes;
  private WasmHost host;

  @Setup(Level.Trial)
  public void setUp() {
    bytes = ExampleModules.wasm(module);
  }

  /** A new host each time, so nothing is cached. */
  @Setup(Level.Invocation)
  public void newHost() {
    host =
        WasmHost.create(
            engine.startsWith("interpreter")
                ? HostOptions.DEFAULT.withMode(ExecutionMode.INTERPRETED)
                : HostOptions.DEFAULT);
  }

  @TearDown(Level.Invocation)
  public void closeHost() {
    host.close();
  }

  @Benchmark
  public Object addModule() {
    return host.addModule(bytes);
  }
}
