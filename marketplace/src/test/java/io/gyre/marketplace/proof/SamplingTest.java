package io.gyre.marketplace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The marketplace's audit sample (proofs/README.md, "In a Gyre cluster", last point). */
class SamplingTest {

  /** The randomness 00 01 … 1f, in hex as the marketplace passes it. */
  private static final String ASCENDING =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  private static BatchCommitment batch(String deal, String unit, long epoch, long size) {
    return new BatchCommitment(
        new DealId(deal),
        new UnitId(unit),
        KeyPair.fromSeedName("sampling-provider").peerId(),
        epoch,
        "00".repeat(32),
        size,
        "");
  }

  private static BatchCommitment batch(long size) {
    return batch("deal-1", "offer-1/0", 7, size);
  }

  private static String randomness(long seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void theReadmesDrawsGiveTheseLeaves() {
    // computed apart from this code from the README's words: SHA-256(p ‖ u64 j), top bit
    // cleared, mod 1000, distinct, ascending
    assertEquals(
        List.of(304L, 330L, 336L, 508L, 926L), Sampling.indices(ASCENDING, batch(1000), 5));
  }

  @Property(tries = 300)
  void distinctAscendingLeavesInsideTheBatchTheSameWayEveryTime(
      @ForAll long seed,
      @ForAll @LongRange(min = 0, max = 5000) long size,
      @ForAll @IntRange(min = 0, max = 40) int count) {
    String randomness = randomness(seed);
    List<Long> sample = Sampling.indices(randomness, batch(size), count);
    assertEquals(Math.min(count, size), sample.size());
    assertEquals(sample.size(), new HashSet<>(sample).size(), "no leaf twice");
    sample.forEach(leaf -> assertTrue(leaf >= 0 && leaf < size, leaf + " outside 0.." + size));
    assertEquals(sample.stream().sorted().toList(), sample, "ascending");
    assertEquals(sample, Sampling.indices(randomness, batch(size), count));
  }

  @Test
  void askingForMoreThanTheBatchHoldsTakesEveryLeafOnce() {
    assertEquals(
        LongStream.range(0, 6).boxed().toList(), Sampling.indices(ASCENDING, batch(6), 100));
    assertEquals(List.of(), Sampling.indices(ASCENDING, batch(0), 3), "an empty batch");
    assertEquals(List.of(), Sampling.indices(ASCENDING, batch(50), 0), "nothing asked");
  }

  @Property(tries = 100)
  void anotherEpochsRandomnessPicksDifferently(@ForAll long seed) {
    String thisEpoch = randomness(seed);
    String nextEpoch = randomness(seed + 1);
    assertNotEquals(
        Sampling.indices(thisEpoch, batch(1_000_000), 8),
        Sampling.indices(nextEpoch, batch(1_000_000), 8));
  }

  @Test
  void theDealTheUnitAndTheEpochEachChangeThePick() {
    List<Long> sample = Sampling.indices(ASCENDING, batch(1_000_000), 8);
    assertNotEquals(
        sample, Sampling.indices(ASCENDING, batch("deal-2", "offer-1/0", 7, 1_000_000), 8));
    assertNotEquals(
        sample, Sampling.indices(ASCENDING, batch("deal-1", "offer-1/1", 7, 1_000_000), 8));
    assertNotEquals(
        sample, Sampling.indices(ASCENDING, batch("deal-1", "offer-1/0", 8, 1_000_000), 8));
  }
}
