package io.gyre.bench.proofs;

import io.gyre.proofs.receipt.ModuleHash;
import io.gyre.proofs.receipt.ReceiptSigner;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.ServiceRecorder;
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
 * Issue 12, "receipts produced per call": the trivial call of the WASM host benchmark
 * (greeting.greet, 100-byte argument, on the calling thread), alone and with each way of producing
 * its receipt:
 *
 * <ul>
 *   <li>{@code plain} — the call alone;
 *   <li>{@code recorded} — through {@link ServiceRecorder#call}: what the node pays on the call
 *       path (the call and its record, hashing deferred to sealing);
 *   <li>{@code hashed} — the call and its receipt built at once: inputs, result and receipt hashes,
 *       what sealing adds per call later;
 *   <li>{@code signed} — as {@code hashed}, plus an Ed25519 signature per receipt.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss256m")
public class ReceiptCostBenchmark {

  @Param({"plain", "recorded", "hashed", "signed"})
  public String mode;

  private WasmHost host;
  private Service greeting;
  private DealRecorder deal;
  private ServiceRecorder recorder;
  private final ReceiptSigner signer = new ReceiptSigner(ProofSubjects.PROVIDER);
  private ReceiptChainer chainer;
  private long epoch = 1;
  private final CallParameters parameters = ProofSubjects.parameters("greeting", 0);

  @Setup(Level.Trial)
  public void setUp() {
    host = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true));
    greeting = ProofSubjects.deploy(host, "greeting", "greeting");
    deal = new DealRecorder(ProofSubjects.PROVIDER, "deal-bench", epoch);
    recorder = deal.open(greeting);
    chainer = new ReceiptChainer(ModuleHash.of(greeting.blueprint()));
  }

  /** Seals what the iteration recorded, outside the measurement, so memory stays flat. */
  @TearDown(Level.Iteration)
  public void sealIteration() {
    deal.seal(++epoch);
    deal.forget(epoch);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    host.close();
  }

  @Benchmark
  public Object call() {
    return switch (mode) {
      case "plain" ->
          ProofSubjects.succeed(greeting.call("greet", ProofSubjects.ARGUMENT, parameters));
      case "recorded" -> recorder.call("greet", ProofSubjects.ARGUMENT, parameters);
      case "hashed" ->
          chainer.next(
              epoch,
              ProofSubjects.ARGUMENT,
              parameters,
              greeting.call("greet", ProofSubjects.ARGUMENT, parameters));
      case "signed" ->
          signer.sign(
              chainer.next(
                  epoch,
                  ProofSubjects.ARGUMENT,
                  parameters,
                  greeting.call("greet", ProofSubjects.ARGUMENT, parameters)));
      default -> throw new IllegalStateException(mode);
    };
  }
}
