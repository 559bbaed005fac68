package io.gyre.bench.proofs;

import io.gyre.proofs.batch.InclusionVerifier;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptSigner;
import io.gyre.proofs.receipt.ReceiptVerifier;
import io.gyre.proofs.receipt.SignedReceipt;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.proofs.replay.ReExecutor;
import io.gyre.proofs.replay.ReplayEvidence;
import io.gyre.proofs.replay.ServiceCode;
import io.gyre.wasm.HostOptions;
import io.gyre.wasm.WasmHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * The verifier's and the sealer's figures in CPU time of this thread, median over rounds (the
 * machine is shared, so wall clocks mislead): the Merkle root of 100,000 receipts (leaves, tree,
 * signed root), receipts verified per second by inclusion proof and by their own signature, and the
 * re-execution of one sampled kv call behind 1, 100 and 1,000 calls of chain.
 *
 * <p>{@code java -Xss256m -cp bench/target/benchmarks.jar io.gyre.bench.proofs.VerificationCostRun
 * ROUNDS}
 */
public final class VerificationCostRun {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private VerificationCostRun() {}

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    List<Receipt> receipts = SyntheticReceipts.receipts(100_000);
    report(
        "Merkle root, 100,000 receipts",
        rounds,
        1,
        () -> SyntheticReceipts.seal(receipts).receipts().size(),
        "ms",
        1e6);

    SealedBatch sealed = SyntheticReceipts.seal(receipts);
    Random random = new Random(3);
    report(
        "inclusion proofs verified",
        rounds,
        20_000,
        () -> {
          SealedBatch.Included in = sealed.included(random.nextInt(receipts.size())).orElseThrow();
          return InclusionVerifier.verify(sealed.root().root(), in.receipt(), in.proof()).accepted()
              ? 1
              : 0;
        },
        "per s",
        0);
    ReceiptSigner signer = new ReceiptSigner(ProofSubjects.PROVIDER);
    List<SignedReceipt> signed = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      signed.add(signer.sign(receipts.get(i)));
    }
    report(
        "signed receipts verified",
        rounds,
        2_000,
        () -> ReceiptVerifier.verify(signed.get(random.nextInt(signed.size()))).accepted() ? 1 : 0,
        "per s",
        0);
    report(
        "receipts signed",
        rounds,
        2_000,
        () -> signer.sign(receipts.get(random.nextInt(512))).signature().length,
        "per s",
        0);

    try (WasmHost provider = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true));
        WasmHost verifierHost = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true))) {
      ReExecutor verifier = new ReExecutor(verifierHost);
      ServiceCode code = ServiceCode.single("kv", ProofSubjects.wasm("kv"));
      for (int chain : new int[] {1, 100, 1000}) {
        DealRecorder deal = new DealRecorder(ProofSubjects.PROVIDER, "deal-" + chain, 1);
        ServiceRecorder kv = deal.open(ProofSubjects.deploy(provider, "kv", "kv-" + chain));
        for (int i = 0; i < chain; i++) {
          kv.call(
              "put", "[\"key-" + i + "\", \"value-" + i + "\"]", ProofSubjects.parameters("kv", i));
        }
        SealedBatch batch = deal.seal(2);
        ReplayEvidence evidence = deal.answer(1, chain - 1).orElseThrow().evidence();
        Receipt sampled = batch.receipts().get(chain - 1);
        report(
            "re-execution of a sample behind " + chain + " calls",
            rounds,
            chain >= 1000 ? 1 : 10,
            () -> verifier.verify(sampled, evidence, code).accepted() ? 1 : 0,
            "ms",
            1e6);
      }
    }
  }

  /**
   * Runs {@code work} {@code perRound} times a round, 2 warm-up rounds, then prints the median (and
   * best) per operation — in {@code unit} with {@code scale} ns per unit, or as a rate.
   */
  private static void report(
      String what, int rounds, int perRound, IntSupplier work, String unit, double scale) {
    double[] nsPerOp = new double[rounds];
    for (int r = -2; r < rounds; r++) {
      long start = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        if (work.getAsInt() == 0) {
          throw new IllegalStateException(what + ": a check failed");
        }
      }
      if (r >= 0) {
        nsPerOp[r] = (CPU.getCurrentThreadCpuTime() - start) / (double) perRound;
      }
    }
    Arrays.sort(nsPerOp);
    double median = nsPerOp[rounds / 2];
    double best = nsPerOp[0];
    if (scale == 0) {
      System.out.printf(
          Locale.ROOT,
          "%-45s median %,10.0f %s CPU (best %,.0f)%n",
          what,
          1e9 / median,
          unit,
          1e9 / best);
    } else {
      System.out.printf(
          Locale.ROOT,
          "%-45s median %10.2f %s CPU (best %.2f)%n",
          what,
          median / scale,
          unit,
          best / scale);
    }
  }
}
