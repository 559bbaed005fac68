package io.gyre.bench.proofs;

import io.gyre.proofs.receipt.ModuleHash;
import io.gyre.proofs.receipt.ReceiptSigner;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.HostOptions;
import io.gyre.wasm.Service;
import io.gyre.wasm.WasmHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The receipt cost per trivial call in CPU time of the calling thread, interleaved round by round
 * so every mode sees the same load (the machine is shared): {@code plain} (the call alone), {@code
 * recorded} (ServiceRecorder.call, sealing left out), {@code sealed} (recorded, and the round's
 * calls sealed into a signed batch inside the timing: the whole cost of the design), {@code signed}
 * (the call, its receipt hashed and Ed25519-signed at once). Prints each mode's median ns per call
 * and the median of the per-round ratios to {@code plain}.
 *
 * <p>{@code plain-a/a} is the call alone again: how far apart two identical modes come out.
 *
 * <p>{@code java -Xss256m -cp bench/target/benchmarks.jar
 * io.gyre.bench.proofs.ReceiptCostComparison ROUNDS CALLS_PER_ROUND}
 */
public final class ReceiptCostComparison {

  private static final String[] MODES = {"plain", "plain-a/a", "recorded", "sealed", "signed"};

  private final Service greeting;
  private final DealRecorder deal;
  private final ServiceRecorder recorder;
  private final ReceiptSigner signer = new ReceiptSigner(ProofSubjects.PROVIDER);
  private final CallParameters parameters = ProofSubjects.parameters("greeting", 0);
  private final ReceiptChainer chainer;
  private long epoch = 1;

  private ReceiptCostComparison(WasmHost host) {
    greeting = ProofSubjects.deploy(host, "greeting", "greeting");
    deal = new DealRecorder(ProofSubjects.PROVIDER, "deal-bench", epoch);
    recorder = deal.open(greeting);
    chainer = new ReceiptChainer(ModuleHash.of(greeting.blueprint()));
  }

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    try (WasmHost host = WasmHost.create(HostOptions.DEFAULT.withRunOnCallerThread(true))) {
      ReceiptCostComparison bench = new ReceiptCostComparison(host);
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      for (int w = 0; w < 3; w++) {
        for (String mode : MODES) {
          bench.round(mode, calls);
        }
      }
      List<double[]> perCall = new ArrayList<>();
      for (int m = 0; m < MODES.length; m++) {
        perCall.add(new double[rounds]);
      }
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < MODES.length; k++) {
          int m = (k + r) % MODES.length; // rotate the order round by round
          long start = cpu.getCurrentThreadCpuTime();
          bench.round(MODES[m], calls);
          perCall.get(m)[r] = (cpu.getCurrentThreadCpuTime() - start) / (double) calls;
          bench.settle(MODES[m]);
        }
      }
      for (int m = 0; m < MODES.length; m++) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = perCall.get(m)[r] / perCall.get(0)[r];
        }
        System.out.printf(
            Locale.ROOT,
            "%-9s median %8.0f ns/call CPU, best %8.0f; vs plain: median %+.1f %%%n",
            MODES[m],
            median(perCall.get(m)),
            Arrays.stream(perCall.get(m)).min().orElse(0),
            (median(ratios) - 1) * 100);
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private void round(String mode, int calls) {
    for (int i = 0; i < calls; i++) {
      switch (mode) {
        case "plain", "plain-a/a" ->
            ProofSubjects.succeed(greeting.call("greet", ProofSubjects.ARGUMENT, parameters));
        case "recorded", "sealed" -> recorder.call("greet", ProofSubjects.ARGUMENT, parameters);
        case "signed" ->
            signer.sign(
                chainer.next(
                    epoch,
                    ProofSubjects.ARGUMENT,
                    parameters,
                    greeting.call("greet", ProofSubjects.ARGUMENT, parameters)));
        default -> throw new IllegalStateException(mode);
      }
    }
    if (mode.equals("sealed")) {
      deal.seal(++epoch);
    }
  }

  /** After a timed round: what "recorded" left behind is sealed outside the timing. */
  private void settle(String mode) {
    if (mode.equals("recorded")) {
      deal.seal(++epoch);
    }
    deal.forget(epoch);
  }
}
