package io.gyre.proofs.sampling;

import io.gyre.proofs.Randomness;
import io.gyre.proofs.batch.BatchRoot;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.DomainHash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which receipts of a batch the marketplace asks for: distinct leaf indices drawn from a seed that
 * binds the randomness published after the root was due, the deal, the provider and the root itself
 * — so the provider cannot know them when it commits, and anyone can recompute them.
 *
 * <p>{@code seed = H(sample-seed, randomness(32) ‖ str deal ‖ provider(32) ‖ root(32) ‖ u64
 * leafCount)}; draw {@code j} is the first 8 bytes (big-endian, unsigned) of {@code H(sample-draw,
 * seed ‖ u64 j)}, j = 0, 1, …; a draw at or above {@code 2^64 − (2^64 mod leafCount)} is skipped
 * (no modulo bias), otherwise its index is {@code draw mod leafCount}; indices already drawn are
 * skipped; draws go on until {@code min(count, leafCount)} indices are chosen.
 */
public final class Sampler {

  private Sampler() {}

  /** The chosen leaf indices, in the order they were drawn. */
  public static List<Long> sample(Randomness randomness, BatchRoot root, int count) {
    long n = root.leafCount();
    int wanted = (int) Math.min(Math.max(count, 0), n);
    byte[] seed = seed(randomness, root);
    Set<Long> chosen = new LinkedHashSet<>();
    long excess = n == 0 ? 0 : Long.remainderUnsigned(-n, n); // 2^64 mod n
    for (long j = 0; chosen.size() < wanted; j++) {
      long draw = draw(seed, j);
      if (excess != 0 && Long.compareUnsigned(draw, -excess) >= 0) {
        continue;
      }
      chosen.add(Long.remainderUnsigned(draw, n));
    }
    return new ArrayList<>(chosen);
  }

  static byte[] seed(Randomness randomness, BatchRoot root) {
    byte[] message =
        new ByteWriter(160)
            .raw(randomness.bytes())
            .str(root.dealId())
            .raw(root.provider().publicKey())
            .digest(root.root())
            .u64(root.leafCount())
            .toByteArray();
    return DomainHash.SAMPLE_SEED.of(message).bytes();
  }

  private static long draw(byte[] seed, long j) {
    byte[] h = DomainHash.SAMPLE_DRAW.of(seed, new ByteWriter(8).u64(j).toByteArray()).bytes();
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (h[i] & 0xff);
    }
    return value;
  }
}
