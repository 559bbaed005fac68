package io.gyre.proofs.capacity;

/**
 * The cost of the capacity puzzle: one evaluation is Argon2id with {@code memoryKiB} of memory and
 * {@code iterations} passes (one lane); an answer needs on average {@code 2^difficultyBits}
 * evaluations, a check exactly one.
 */
public record PuzzleParameters(int memoryKiB, int iterations, int difficultyBits) {

  /** 16 MiB, one pass, 2^12 evaluations per answer on average. */
  public static final PuzzleParameters DEFAULT = new PuzzleParameters(16 * 1024, 1, 12);

  public PuzzleParameters {
    if (memoryKiB < 8 || memoryKiB > (4 << 20)) {
      throw new IllegalArgumentException("memory must be 8 KiB .. 4 GiB: " + memoryKiB + " KiB");
    }
    if (iterations < 1 || iterations > 64) {
      throw new IllegalArgumentException("iterations must be 1..64: " + iterations);
    }
    if (difficultyBits < 0 || difficultyBits > 64) {
      throw new IllegalArgumentException("difficulty must be 0..64 bits: " + difficultyBits);
    }
  }
}
