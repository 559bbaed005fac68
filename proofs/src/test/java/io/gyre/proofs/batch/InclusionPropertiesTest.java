package io.gyre.proofs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Digest;
import io.gyre.proofs.Fixtures;
import io.gyre.proofs.Verdict;
import io.gyre.proofs.receipt.RandomReceipts;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class InclusionPropertiesTest {

  private static final String DEAL = "deal-1";
  private static final long EPOCH = 42;

  static SealedBatch batch(Random random, int size) {
    ReceiptBatch batch =
        ReceiptBatch.builder(new ReceiptScope(Fixtures.PROVIDER.peerId(), DEAL, EPOCH));
    for (int i = 0; i < size; i++) {
      assertTrue(
          batch.add(RandomReceipts.receipt(random, Fixtures.PROVIDER, DEAL, EPOCH)).accepted());
    }
    return batch.seal(Fixtures.PROVIDER);
  }

  @Property(tries = 150)
  void everyReceiptOfABatchIsProvedIncluded(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 70) int size) {
    SealedBatch sealed = batch(new Random(seed), size);
    assertEquals(size, sealed.root().root().leafCount());
    for (int i = 0; i < size; i++) {
      SealedBatch.Included included = sealed.included(i).orElseThrow();
      InclusionProof proof =
          InclusionProof.decode(included.proof().encode()).toOptional().orElseThrow();
      assertTrue(
          InclusionVerifier.verify(sealed.root(), included.receipt(), proof).accepted(),
          "leaf " + i + " of " + size);
    }
  }

  @Property(tries = 150)
  void aReorderedOrAlteredProofIsRejected(
      @ForAll long seed,
      @ForAll @IntRange(min = 3, max = 70) int size,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    Random random = new Random(seed);
    SealedBatch sealed = batch(random, size);
    SealedBatch.Included included = sealed.included(pick % size).orElseThrow();
    InclusionProof proof = included.proof();
    List<Digest> siblings = new ArrayList<>(proof.siblings());
    Assume.that(siblings.size() >= 2);
    List<Digest> reordered = new ArrayList<>(siblings);
    Collections.swap(reordered, 0, 1 + random.nextInt(siblings.size() - 1));
    Assume.that(!reordered.equals(siblings));
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(proof.index(), size, reordered),
        InclusionReason.ROOT_MISMATCH);
    List<Digest> changed = new ArrayList<>(siblings);
    changed.set(random.nextInt(siblings.size()), RandomReceipts.digest(random));
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(proof.index(), size, changed),
        InclusionReason.ROOT_MISMATCH);
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(proof.index(), size, siblings.subList(1, siblings.size())),
        InclusionReason.MALFORMED_PROOF);
    List<Digest> longer = new ArrayList<>(siblings);
    longer.add(RandomReceipts.digest(random));
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(proof.index(), size, longer),
        InclusionReason.MALFORMED_PROOF);
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(proof.index(), size + 1, siblings),
        InclusionReason.WRONG_LEAF_COUNT);
    assertRejected(
        sealed,
        included.receipt(),
        new InclusionProof(size + 3, size, siblings),
        InclusionReason.MALFORMED_PROOF);
  }

  @Property(tries = 150)
  void aProofAtAnotherIndexOrForAnotherReceiptIsRejected(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 70) int size,
      @ForAll int a,
      @ForAll int b) {
    SealedBatch sealed = batch(new Random(seed), size);
    int i = Math.floorMod(a, size);
    int j = Math.floorMod(b, size);
    Assume.that(i != j);
    SealedBatch.Included first = sealed.included(i).orElseThrow();
    SealedBatch.Included second = sealed.included(j).orElseThrow();
    Verdict<InclusionReason> verdict =
        InclusionVerifier.verify(sealed.root(), first.receipt(), second.proof());
    assertFalse(verdict.accepted());
    assertTrue(
        verdict.reason().get() == InclusionReason.ROOT_MISMATCH
            || verdict.reason().get() == InclusionReason.MALFORMED_PROOF);
    InclusionProof moved = new InclusionProof(j, size, first.proof().siblings());
    assertFalse(InclusionVerifier.verify(sealed.root(), first.receipt(), moved).accepted());
  }

  @Property(tries = 100)
  void aTamperedReceiptIsRejected(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
    Random random = new Random(seed);
    SealedBatch sealed = batch(random, size);
    SealedBatch.Included included = sealed.included(random.nextInt(size)).orElseThrow();
    Receipt r = included.receipt();
    Receipt tampered =
        new Receipt(
            r.provider(),
            r.dealId(),
            r.epoch(),
            r.serviceId(),
            r.function(),
            r.particleId(),
            r.sequence(),
            r.previous(),
            r.moduleHash(),
            r.inputsHash(),
            r.resultHash(),
            r.fuelUsed() + 1,
            r.status(),
            r.instanceReset());
    assertRejected(sealed, tampered, included.proof(), InclusionReason.ROOT_MISMATCH);
  }

  @Property(tries = 100)
  void receiptsOfAnotherDealEpochOrProviderAreRejected(@ForAll long seed) {
    Random random = new Random(seed);
    SealedBatch sealed = batch(random, 5);
    InclusionProof proof = sealed.included(0).orElseThrow().proof();
    assertRejected(
        sealed,
        RandomReceipts.receipt(random, Fixtures.PROVIDER, "deal-2", EPOCH),
        proof,
        InclusionReason.WRONG_DEAL);
    assertRejected(
        sealed,
        RandomReceipts.receipt(random, Fixtures.PROVIDER, DEAL, EPOCH - 1),
        proof,
        InclusionReason.WRONG_EPOCH);
    assertRejected(
        sealed,
        RandomReceipts.receipt(random, Fixtures.OTHER_PROVIDER, DEAL, EPOCH),
        proof,
        InclusionReason.WRONG_PROVIDER);
    ReceiptBatch builder =
        ReceiptBatch.builder(new ReceiptScope(Fixtures.PROVIDER.peerId(), DEAL, EPOCH));
    assertEquals(
        Optional.of(InclusionReason.WRONG_EPOCH),
        builder.add(RandomReceipts.receipt(random, Fixtures.PROVIDER, DEAL, EPOCH + 1)).reason());
    assertEquals(0, builder.size());
  }

  @Property(tries = 50)
  void aRootSignedByAnotherKeyOrAlteredIsRejected(@ForAll long seed) {
    Random random = new Random(seed);
    SealedBatch sealed = batch(random, 4);
    SealedBatch.Included included = sealed.included(1).orElseThrow();
    BatchRoot root = sealed.root().root();
    SignedBatchRoot forged =
        new SignedBatchRoot(root, KeyPair.fromSeedName("thief").sign(root.hash().bytes()));
    assertRejected(
        forged, included.receipt(), included.proof(), InclusionReason.BAD_ROOT_SIGNATURE);
    BatchRoot other =
        new BatchRoot(
            root.provider(),
            root.dealId(),
            root.epoch(),
            root.leafCount(),
            RandomReceipts.digest(random));
    assertRejected(
        new SignedBatchRoot(other, sealed.root().signature()),
        included.receipt(),
        included.proof(),
        InclusionReason.BAD_ROOT_SIGNATURE);
    assertEquals(
        Optional.of(sealed.root()), SignedBatchRoot.decode(sealed.root().encode()).toOptional());
  }

  @Property(tries = 300)
  void anyBytesDecodeToAValueOrAReason(@ForAll byte[] bytes) {
    Decoded<InclusionProof> proof = InclusionProof.decode(bytes);
    Decoded<SignedBatchRoot> root = SignedBatchRoot.decode(bytes);
    assertTrue(proof instanceof Decoded.Malformed || proof.toOptional().isPresent());
    assertTrue(root instanceof Decoded.Malformed || root.toOptional().isPresent());
  }

  private static void assertRejected(
      SealedBatch sealed, Receipt receipt, InclusionProof proof, InclusionReason reason) {
    assertRejected(sealed.root(), receipt, proof, reason);
  }

  private static void assertRejected(
      SignedBatchRoot root, Receipt receipt, InclusionProof proof, InclusionReason reason) {
    assertEquals(Optional.of(reason), InclusionVerifier.verify(root, receipt, proof).reason());
  }
}
