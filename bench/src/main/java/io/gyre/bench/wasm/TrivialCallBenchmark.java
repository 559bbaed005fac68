package io.gyre.bench.wasm;

import io.gyre.wasm.CallParameters;
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
 * Issue 4, benchmark (a): one call of a trivial function (greeting.greet) with a 100-byte JSON
 * argument, compiled mode, fuel metering on, JSON in and out included: argument parsing and type
 * check, alloc/write/call/read/free, result parsing. {@code thread=caller} runs the call on the
 * benchmark thread (the JVM is started with a call-sized stack); {@code thread=handoff} hands it to
 * the host's call thread and waits, as a caller on an ordinary thread does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss256m")
public class TrivialCallBenchmark {

  /** A JSON array holding one string, 100 bytes in all. */
  static final String ARGUMENT = "[\"" + "x".repeat(96) + "\"]";

  @Param({"caller", "handoff"})
  public String thread;

  private WasmHost host;
  private Service greeting;
  private final CallParameters parameters = CallParameters.local("greeting", 1_700_000_000_000L);

  @Setup(Level.Trial)
  public void setUp() {
    if (ARGUMENT.length() != 100) {
      throw new IllegalStateException("argument is " + ARGUMENT.length() + " bytes");
    }
    host = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(thread.equals("caller")));
    greeting = ExampleModules.deploy(host, "greeting");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    host.close();
  }

  @Benchmark
  public Object greet() {
    return ExampleModules.succeed(greeting.call("greet", ARGUMENT, parameters)).result();
  }
}
