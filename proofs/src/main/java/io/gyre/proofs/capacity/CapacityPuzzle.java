package io.gyre.proofs.capacity;

import io.gyre.proofs.internal.ByteWriter;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The memory-hard puzzle: {@code out = Argon2id(password = u64be(nonce), salt = challenge seed,
 * memory, iterations, lanes = 1, version 0x13, 32 bytes)}; a nonce answers when {@code out} starts
 * with at least {@code difficultyBits} zero bits. Solving tries nonces in turn; checking is one
 * evaluation.
 */
public final class CapacityPuzzle {

  private final PuzzleParameters params;

  public CapacityPuzzle(PuzzleParameters params) {
    this.params = params;
  }

  public PuzzleParameters params() {
    return params;
  }

  /** Argon2id of one nonce under the challenge. */
  public byte[] evaluate(CapacityChallenge challenge, long nonce) {
    Argon2Parameters argon =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(challenge.seed().bytes())
            .withMemoryAsKB(params.memoryKiB())
            .withIterations(params.iterations())
            .withParallelism(1)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(argon);
    byte[] out = new byte[32];
    generator.generateBytes(new ByteWriter(8).u64(nonce).toByteArray(), out);
    return out;
  }

  /** Whether {@code nonce} answers the challenge: one evaluation. */
  public boolean check(CapacityChallenge challenge, long nonce) {
    return leadingZeroBits(evaluate(challenge, nonce)) >= params.difficultyBits();
  }

  /**
   * Tries nonces {@code from}, {@code from + 1}, … for at most {@code attempts} evaluations; the
   * first that answers, as a proof. Different starting points let several solvers share a unit.
   */
  public Optional<CapacityProof> solve(CapacityChallenge challenge, long from, long attempts) {
    for (long i = 0; i < attempts; i++) {
      long nonce = from + i;
      if (check(challenge, nonce)) {
        return Optional.of(
            new CapacityProof(challenge.provider(), challenge.unitId(), challenge.epoch(), nonce));
      }
    }
    return Optional.empty();
  }

  static int leadingZeroBits(byte[] bytes) {
    int bits = 0;
    for (byte b : bytes) {
      if (b == 0) {
        bits += 8;
      } else {
        return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
      }
    }
    return bits;
  }
}
