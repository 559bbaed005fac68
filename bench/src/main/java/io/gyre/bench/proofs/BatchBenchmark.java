package io.gyre.bench.proofs;

import io.gyre.proofs.batch.InclusionProof;
import io.gyre.proofs.batch.InclusionVerifier;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptSigner;
import io.gyre.proofs.receipt.ReceiptVerifier;
import io.gyre.proofs.receipt.SignedReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12: the Merkle root of 100,000 receipts (leaf hashing, tree, root signature) and receipts
 * verified per second — by their own signature, or by an inclusion proof under a batch root whose
 * signature was checked once.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class BatchBenchmark {

  static final int RECEIPTS = 100_000;
  private static final String DEAL = "deal-bench";

  private final List<Receipt> receipts = new ArrayList<>(RECEIPTS);
  private SealedBatch sealed;
  private final List<SignedReceipt> signed = new ArrayList<>();
  private final Random random = new Random(12);

  @Setup(Level.Trial)
  public void setUp() {
    receipts.addAll(SyntheticReceipts.receipts(RECEIPTS));
    sealed = seal();
    ReceiptSigner signer = new ReceiptSigner(ProofSubjects.PROVIDER);
    for (int i = 0; i < 1024; i++) {
      signed.add(signer.sign(receipts.get(i)));
    }
  }

  private SealedBatch seal() {
    return SyntheticReceipts.seal(receipts);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object merkleRoot100k() {
    return seal().root();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean verifyInclusion() {
    SealedBatch.Included included = sealed.included(random.nextInt(RECEIPTS)).orElseThrow();
    InclusionProof proof = included.proof();
    return InclusionVerifier.verify(sealed.root().root(), included.receipt(), proof).accepted();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean verifySignature() {
    return ReceiptVerifier.verify(signed.get(random.nextInt(signed.size()))).accepted();
  }
}
