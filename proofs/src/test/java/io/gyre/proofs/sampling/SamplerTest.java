package io.gyre.proofs.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.proofs.Fixtures;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.batch.BatchRoot;
import io.gyre.proofs.receipt.RandomReceipts;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SamplerTest {

  private static BatchRoot root(Random random, long leaves) {
    return new BatchRoot(
        Fixtures.PROVIDER.peerId(), "deal-1", 5, leaves, RandomReceipts.digest(random));
  }

  @Property(tries = 200)
  void drawsDistinctIndicesInsideTheBatchTheSameWayEveryTime(
      @ForAll long seed,
      @ForAll @LongRange(min = 0, max = 5000) long leaves,
      @ForAll @IntRange(min = 0, max = 40) int count) {
    Random random = new Random(seed);
    BatchRoot root = root(random, leaves);
    Randomness randomness = new Randomness(RandomReceipts.digest(random).bytes());
    List<Long> sample = Sampler.sample(randomness, root, count);
    assertEquals(Math.min(count, leaves), sample.size());
    assertEquals(sample.size(), new HashSet<>(sample).size());
    sample.forEach(i -> assertTrue(i >= 0 && i < leaves));
    assertEquals(sample, Sampler.sample(randomness, root, count));
  }

  @Property(tries = 100)
  void theRandomnessAndTheRootEachChangeTheSample(@ForAll long seed) {
    Random random = new Random(seed);
    BatchRoot root = root(random, 1_000_000);
    Randomness r1 = new Randomness(RandomReceipts.digest(random).bytes());
    Randomness r2 = new Randomness(RandomReceipts.digest(random).bytes());
    assertNotEquals(Sampler.sample(r1, root, 8), Sampler.sample(r2, root, 8));
    assertNotEquals(Sampler.sample(r1, root, 8), Sampler.sample(r1, root(random, 1_000_000), 8));
    BatchRoot otherDeal =
        new BatchRoot(root.provider(), "deal-2", root.epoch(), root.leafCount(), root.root());
    assertNotEquals(Sampler.sample(r1, root, 8), Sampler.sample(r1, otherDeal, 8));
  }

  @Property(tries = 5)
  void everyLeafCanBeDrawn(@ForAll long seed) {
    Random random = new Random(seed);
    BatchRoot root = root(random, 7);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.addAll(Sampler.sample(new Randomness(RandomReceipts.digest(random).bytes()), root, 1));
    }
    assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), seen);
  }
}
