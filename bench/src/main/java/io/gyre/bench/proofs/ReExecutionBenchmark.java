package io.gyre.bench.proofs;

import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.proofs.replay.ReExecutor;
import io.gyre.proofs.replay.ReplayEvidence;
import io.gyre.proofs.replay.ServiceCode;
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
 * What verifying one sampled call of a stateful service costs when its chain has {@code chain}
 * calls since the last checkpoint (kv.put of distinct keys, the last one sampled): a fresh service
 * in the verifier's host, then every call replayed and compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss256m")
public class ReExecutionBenchmark {

  @Param({"1", "100", "1000"})
  public int chain;

  private WasmHost provider;
  private WasmHost verifierHost;
  private ReExecutor verifier;
  private ReplayEvidence evidence;
  private SealedBatch batch;
  private final ServiceCode code = ServiceCode.single("kv", ProofSubjects.wasm("kv"));

  @Setup(Level.Trial)
  public void setUp() {
    provider = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true));
    verifierHost = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true));
    verifier = new ReExecutor(verifierHost);
    DealRecorder deal = new DealRecorder(ProofSubjects.PROVIDER, "deal-bench", 1);
    ServiceRecorder kv = deal.open(ProofSubjects.deploy(provider, "kv", "kv"));
    for (int i = 0; i < chain; i++) {
      kv.call("put", "[\"key-" + i + "\", \"value-" + i + "\"]", ProofSubjects.parameters("kv", i));
    }
    batch = deal.seal(2);
    evidence = deal.answer(1, chain - 1).orElseThrow().evidence();
    if (!verifier.verify(batch.receipts().get(chain - 1), evidence, code).accepted()) {
      throw new IllegalStateException("the honest chain does not verify");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    provider.close();
    verifierHost.close();
  }

  @Benchmark
  public boolean verifySample() {
    return verifier.verify(batch.receipts().get(chain - 1), evidence, code).accepted();
  }
}
