package io.gyre.proofs.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.Fixtures;
import io.gyre.proofs.Verdict;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReceiptPropertiesTest {

  private static final ReceiptSigner SIGNER = new ReceiptSigner(Fixtures.PROVIDER);

  @Property(tries = 200)
  void encodingRoundTrips(@ForAll long seed) {
    Receipt receipt = RandomReceipts.receipt(new Random(seed), Fixtures.PROVIDER, "deal-1", 7);
    assertEquals(Optional.of(receipt), ReceiptCodec.decodeReceipt(receipt.encode()).toOptional());
    SignedReceipt signed = SIGNER.sign(receipt);
    assertEquals(Optional.of(signed), SignedReceipt.decode(signed.encode()).toOptional());
    assertTrue(ReceiptVerifier.verify(signed, Fixtures.PROVIDER.peerId(), "deal-1", 7).accepted());
  }

  @Property(tries = 300)
  void aTamperedSignedReceiptIsRejectedWithAReason(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte flip) {
    Receipt receipt = RandomReceipts.receipt(new Random(seed), Fixtures.PROVIDER, "deal-1", 7);
    byte[] bytes = SIGNER.sign(receipt).encode();
    int at = where % bytes.length;
    byte mask = flip == 0 ? 1 : flip;
    bytes[at] ^= mask;
    Verdict<ReceiptReason> verdict =
        ReceiptVerifier.verify(bytes, Fixtures.PROVIDER.peerId(), "deal-1", 7);
    assertFalse(verdict.accepted(), "byte " + at + " flipped");
    assertTrue(verdict.reason().isPresent());
  }

  @Property(tries = 100)
  void aReceiptOfAnotherDealEpochOrProviderIsRejected(@ForAll long seed) {
    Random random = new Random(seed);
    Receipt receipt = RandomReceipts.receipt(random, Fixtures.PROVIDER, "deal-1", 7);
    SignedReceipt signed = SIGNER.sign(receipt);
    assertEquals(
        Optional.of(ReceiptReason.WRONG_DEAL),
        ReceiptVerifier.verify(signed, Fixtures.PROVIDER.peerId(), "deal-2", 7).reason());
    assertEquals(
        Optional.of(ReceiptReason.WRONG_EPOCH),
        ReceiptVerifier.verify(signed, Fixtures.PROVIDER.peerId(), "deal-1", 8).reason());
    assertEquals(
        Optional.of(ReceiptReason.WRONG_PROVIDER),
        ReceiptVerifier.verify(signed, Fixtures.OTHER_PROVIDER.peerId(), "deal-1", 7).reason());
  }

  @Property(tries = 100)
  void aSignatureDoesNotCarryOverToAnotherReceipt(@ForAll long seed) {
    Random random = new Random(seed);
    Receipt first = RandomReceipts.receipt(random, Fixtures.PROVIDER, "deal-1", 7);
    Receipt second = RandomReceipts.receipt(random, Fixtures.PROVIDER, "deal-1", 7);
    assertNotEquals(first.hash(), second.hash());
    SignedReceipt forged = new SignedReceipt(second, SIGNER.sign(first).signature());
    assertEquals(Optional.of(ReceiptReason.BAD_SIGNATURE), ReceiptVerifier.verify(forged).reason());
  }

  @Property(tries = 300)
  void anyBytesDecodeToAValueOrAReasonNeverAnException(@ForAll byte[] bytes) {
    Decoded<ChainElement> element = ReceiptCodec.decode(bytes);
    Decoded<CallInputs> inputs = CallInputs.decode(bytes);
    Decoded<SignedReceipt> signed = SignedReceipt.decode(bytes);
    assertTrue(element instanceof Decoded.Malformed || element.toOptional().isPresent());
    assertTrue(inputs instanceof Decoded.Malformed || inputs.toOptional().isPresent());
    assertTrue(signed instanceof Decoded.Malformed || signed.toOptional().isPresent());
  }

  @Property(tries = 100)
  void truncatedReceiptsAreMalformed(@ForAll long seed, @ForAll @IntRange(min = 0) int cut) {
    byte[] bytes =
        RandomReceipts.receipt(new Random(seed), Fixtures.PROVIDER, "deal-1", 7).encode();
    byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);
    assertTrue(ReceiptCodec.decode(truncated) instanceof Decoded.Malformed);
  }
}
