package io.gyre.bench.proofs;

import io.gyre.proofs.Randomness;
import io.gyre.proofs.capacity.CapacityChallenge;
import io.gyre.proofs.capacity.CapacityProof;
import io.gyre.proofs.capacity.CapacityPuzzle;
import io.gyre.proofs.capacity.PuzzleParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 12, capacity puzzle: answer time per unit and check time, in CPU time of this thread (the
 * machine is shared), and their ratio (goal ≥ 1,000). A solve is geometric in its number of
 * evaluations, so the answer time is the mean over {@code answers} units; the median is printed
 * too.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.gyre.bench.proofs.CapacityPuzzleRun MEMORY_KIB
 * ITERATIONS DIFFICULTY_BITS ANSWERS [CHECKS]}
 */
public final class CapacityPuzzleRun {

  private CapacityPuzzleRun() {}

  public static void main(String[] args) {
    PuzzleParameters params =
        new PuzzleParameters(
            Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    int answers = Integer.parseInt(args[3]);
    int checks = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    CapacityPuzzle puzzle = new CapacityPuzzle(params);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 7);
    Randomness randomness = new Randomness(seed);
    // Warm up the JIT on Argon2 with a few evaluations.
    CapacityChallenge warm =
        new CapacityChallenge(randomness, 0, ProofSubjects.PROVIDER.peerId(), "warm", params);
    for (int i = 0; i < 20; i++) {
      puzzle.evaluate(warm, i);
    }
    double[] answerMs = new double[answers];
    CapacityChallenge[] challenges = new CapacityChallenge[answers];
    long[] nonces = new long[answers];
    long evaluations = 0;
    for (int u = 0; u < answers; u++) {
      CapacityChallenge challenge =
          new CapacityChallenge(
              randomness, 1, ProofSubjects.PROVIDER.peerId(), "unit-" + u, params);
      long start = cpu.getCurrentThreadCpuTime();
      CapacityProof proof = puzzle.solve(challenge, 0, Long.MAX_VALUE).orElseThrow();
      answerMs[u] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
      evaluations += proof.nonce() + 1;
      challenges[u] = challenge;
      nonces[u] = proof.nonce();
    }
    // Checks: the answers found, round-robin, enough times for a stable mean.
    long checkStart = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < checks; i++) {
      if (!puzzle.check(challenges[i % answers], nonces[i % answers])) {
        throw new IllegalStateException("an answer does not check");
      }
    }
    double checkNs = cpu.getCurrentThreadCpuTime() - checkStart;
    double meanAnswer = Arrays.stream(answerMs).average().orElse(0);
    double[] sorted = answerMs.clone();
    Arrays.sort(sorted);
    double meanCheckMs = checkNs / checks / 1e6;
    System.out.printf(
        "params %d KiB, %d pass, %d bits: %d answers, %.1f evaluations per answer%n",
        params.memoryKiB(),
        params.iterations(),
        params.difficultyBits(),
        answers,
        (double) evaluations / answers);
    System.out.printf(
        "answer: mean %.1f ms CPU, median %.1f ms; check (%d): mean %.2f ms CPU; ratio %.0f%n",
        meanAnswer, sorted[answers / 2], checks, meanCheckMs, meanAnswer / meanCheckMs);
  }
}
