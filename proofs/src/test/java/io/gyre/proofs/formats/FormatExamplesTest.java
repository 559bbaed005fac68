package io.gyre.proofs.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.Digest;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.batch.InclusionProof;
import io.gyre.proofs.batch.InclusionVerifier;
import io.gyre.proofs.batch.ReceiptBatch;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.batch.SignedBatchRoot;
import io.gyre.proofs.capacity.CapacityChallenge;
import io.gyre.proofs.capacity.CapacityProof;
import io.gyre.proofs.capacity.CapacityPuzzle;
import io.gyre.proofs.capacity.PuzzleParameters;
import io.gyre.proofs.receipt.OutcomeStatus;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptCodec;
import io.gyre.proofs.receipt.ReceiptScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worked example of proofs/README.md ("Formats", "Worked example"), byte for byte: each value
 * is the hex below (computed apart from this code), the README shows the same hex, and the bytes
 * are also assembled here field by field from the README's layouts. A change to a layout, a tag or
 * the tree's shape fails here, as it would fail another implementation reading the README.
 */
class FormatExamplesTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032, section 7.1, TEST 1: a key whose public half anyone can check. */
  private static final KeyPair PROVIDER =
      KeyPair.fromSecret(
          HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

  private static final String PUBLIC_KEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  static final String RECEIPT_0 =
      "01d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a000000066465616c2d3100"
          + "00000000000007000000026b760000000367657400000003702d310000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000111111111111111111111111111111111111111111"
          + "1111111111111111111111222222222222222222222222222222222222222222222222222222222222222233"
          + "3333333333333333333333333333333333333333333333333333333333333300000000000004d20000";
  static final String RECEIPT_0_HASH =
      "5f0f342bb3021383e698a0d7d0d47da6b82485ef60f981856eada11fec8bee5b";
  static final String LEAF_0 = "6b21c4275a8fb0cdc554d9434e1af7dbb37a620c226e09a67f3428e3b6f62db8";
  static final String LEAF_1 = "93da638fb8189fc74e434aea54ca7816536464abd7e2a3433316f695df554789";
  static final String LEAF_2 = "c2d692635be87ce752788b995fdd74ec54822b700ab8c85fc044bda65499520c";
  static final String NODE_01 = "e21015d2508185e71d0f8e1dd973b5345e1ea8b6648e7e94ff9008a49dfd38f7";
  static final String ROOT = "6bfd98fa28bd3ae2cca9c8f160dbe9e939e24d2f375af57481b8e21d5d756638";
  static final String PROOF_OF_LEAF_2 = "0000000000000002000000000000000301" + NODE_01;
  static final String PROOF_OF_LEAF_1 = "0000000000000001000000000000000302" + LEAF_0 + LEAF_2;
  static final String BATCH_ROOT =
      "03d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a000000066465616c2d3100"
          + "0000000000000700000000000000036bfd98fa28bd3ae2cca9c8f160dbe9e939e24d2f375af57481b8e2"
          + "1d5d756638";
  static final String BATCH_ROOT_HASH =
      "816079b3b53a713b56ac04c2411ab692d8daadf495cec13ea4507c7e31f9b86f";
  static final String SIGNATURE =
      "31a2f174a494b6dee40a83b3249da8f42a4cd383c6417350649623dac52f26d2"
          + "2ef913df48003c326980e4df499e254b006f87829d0bd43e4f2610526aa02203";
  static final String CAPACITY_SEED =
      "6b8a129417761f0d595295765eb9aa25cd711cc2e82c0dc02ce65fac3702e0e7";
  static final long FIRST_NONCE = 141;
  static final String ARGON2ID_OF_FIRST_NONCE =
      "0195ddfecbb3f68e32c9062671c4ea6a98b593726b8173312da6dbae5ae7bb3e";
  static final String CAPACITY_PROOF =
      "06d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a000000096f666665722d31"
          + "2f300000000000000007000000000000008d";

  private static final String DEAL = "deal-1";
  private static final long EPOCH = 7;

  /** The example's receipts differ only in their sequence (0, 1, 2). */
  private static Receipt receipt(long sequence) {
    return new Receipt(
        PROVIDER.peerId(),
        DEAL,
        EPOCH,
        "kv",
        "get",
        "p-1",
        sequence,
        Digest.ZERO,
        filled(0x11),
        filled(0x22),
        filled(0x33),
        1234,
        OutcomeStatus.SUCCESS,
        false);
  }

  private static Digest filled(int value) {
    return new Digest(new ByHand().repeat(value, 32).bytes());
  }

  /** The receipt layout of the README, field by field. */
  private static byte[] receiptByHand(long sequence) {
    return new ByHand()
        .u8(0x01)
        .raw(PROVIDER.publicKey())
        .str(DEAL)
        .u64(EPOCH)
        .str("kv")
        .str("get")
        .str("p-1")
        .u64(sequence)
        .repeat(0, 32)
        .repeat(0x11, 32)
        .repeat(0x22, 32)
        .repeat(0x33, 32)
        .u64(1234)
        .u8(0)
        .u8(0)
        .bytes();
  }

  private static SealedBatch batch() {
    ReceiptBatch batch = ReceiptBatch.builder(new ReceiptScope(PROVIDER.peerId(), DEAL, EPOCH));
    for (long sequence = 0; sequence < 3; sequence++) {
      assertTrue(batch.add(receipt(sequence)).accepted());
    }
    return batch.seal(PROVIDER);
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  @Test
  void theProviderIsRfc8032sFirstTestKey() {
    assertEquals(PUBLIC_KEY, hex(PROVIDER.publicKey()));
  }

  @Test
  void aReceiptsBytesAndHash() {
    byte[] encoded = receipt(0).encode();
    assertEquals(RECEIPT_0, hex(encoded));
    assertArrayEquals(receiptByHand(0), encoded);
    assertEquals(RECEIPT_0_HASH, receipt(0).hash().hex());
    assertEquals(RECEIPT_0_HASH, hex(ByHand.hash("gyre-proofs/v1/receipt", encoded)));
    assertEquals(Optional.of(receipt(0)), ReceiptCodec.decodeReceipt(encoded).toOptional());
  }

  @Test
  void aThreeLeafTreeCarriesItsThirdLeafUp() {
    List<String> leaves =
        Stream.of(0, 1, 2)
            .map(i -> ByHand.hash("gyre-proofs/v1/merkle-leaf", receipt(i).hash().bytes()))
            .map(FormatExamplesTest::hex)
            .toList();
    assertEquals(List.of(LEAF_0, LEAF_1, LEAF_2), leaves);
    byte[] node01 = ByHand.hash("gyre-proofs/v1/merkle-node", HEX.parseHex(LEAF_0 + LEAF_1));
    assertEquals(NODE_01, hex(node01));
    byte[] root = ByHand.hash("gyre-proofs/v1/merkle-node", node01, HEX.parseHex(LEAF_2));
    assertEquals(ROOT, hex(root));

    assertEquals(ROOT, batch().root().root().root().hex());
    assertEquals(3, batch().root().root().leafCount());
  }

  @Test
  void inclusionProofsOfACarriedLeafAndOfAPairedOne() {
    SealedBatch batch = batch();
    InclusionProof ofLeaf2 = batch.included(2).orElseThrow().proof();
    InclusionProof ofLeaf1 = batch.included(1).orElseThrow().proof();
    assertEquals(PROOF_OF_LEAF_2, hex(ofLeaf2.encode()));
    assertEquals(PROOF_OF_LEAF_1, hex(ofLeaf1.encode()));
    assertArrayEquals(
        new ByHand().u64(2).u64(3).u8(1).raw(HEX.parseHex(NODE_01)).bytes(), ofLeaf2.encode());
    assertTrue(InclusionVerifier.verify(batch.root(), receipt(2), ofLeaf2).accepted());
    assertTrue(InclusionVerifier.verify(batch.root(), receipt(1), ofLeaf1).accepted());
  }

  @Test
  void theSignedBatchRoot() throws Exception {
    SignedBatchRoot signed = batch().root();
    byte[] rootBytes = signed.root().encode();
    assertEquals(BATCH_ROOT, hex(rootBytes));
    assertArrayEquals(
        new ByHand()
            .u8(0x03)
            .raw(PROVIDER.publicKey())
            .str(DEAL)
            .u64(EPOCH)
            .u64(3)
            .raw(HEX.parseHex(ROOT))
            .bytes(),
        rootBytes);
    assertEquals(BATCH_ROOT_HASH, signed.root().hash().hex());
    assertEquals(BATCH_ROOT_HASH, hex(ByHand.hash("gyre-proofs/v1/batch-root", rootBytes)));
    assertEquals(SIGNATURE, hex(signed.signature()));
    assertEquals(SIGNATURE, hex(jdkEd25519(HEX.parseHex(BATCH_ROOT_HASH))));
    assertArrayEquals(
        new ByHand().u32(rootBytes.length).raw(rootBytes).raw(HEX.parseHex(SIGNATURE)).bytes(),
        signed.encode());
    assertEquals(Optional.of(signed), SignedBatchRoot.decode(signed.encode()).toOptional());
  }

  /** Ed25519 is deterministic (RFC 8032): the JDK's own signer must give the same 64 bytes. */
  private static byte[] jdkEd25519(byte[] message) throws Exception {
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, PROVIDER.secret())));
    ed25519.update(message);
    return ed25519.sign();
  }

  @Test
  void aCapacityPuzzleAndItsFirstAnswer() {
    PuzzleParameters params = new PuzzleParameters(16, 1, 6);
    Randomness randomness = new Randomness(ascending32());
    CapacityChallenge challenge =
        new CapacityChallenge(randomness, EPOCH, PROVIDER.peerId(), "offer-1/0", params);
    byte[] seedInput =
        new ByHand()
            .raw(ascending32())
            .u64(EPOCH)
            .raw(PROVIDER.publicKey())
            .str("offer-1/0")
            .u32(16)
            .u32(1)
            .u8(6)
            .bytes();
    assertEquals(CAPACITY_SEED, hex(ByHand.hash("gyre-proofs/v1/capacity-challenge", seedInput)));
    assertEquals(CAPACITY_SEED, challenge.seed().hex());

    CapacityPuzzle puzzle = new CapacityPuzzle(params);
    byte[] out = puzzle.evaluate(challenge, FIRST_NONCE);
    assertEquals(ARGON2ID_OF_FIRST_NONCE, hex(out));
    assertEquals(0x01, out[0], "7 leading zero bits: at least the 6 asked");
    CapacityProof proof = puzzle.solve(challenge, 0, 1000).orElseThrow();
    assertEquals(FIRST_NONCE, proof.nonce(), "nonces 0..140 miss the difficulty");
    assertEquals(CAPACITY_PROOF, hex(proof.encode()));
    assertArrayEquals(
        new ByHand()
            .u8(0x06)
            .raw(PROVIDER.publicKey())
            .str("offer-1/0")
            .u64(EPOCH)
            .u64(FIRST_NONCE)
            .bytes(),
        proof.encode());
  }

  private static byte[] ascending32() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  @Test
  void theReadmeShowsTheseValues() throws Exception {
    String readme =
        Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    for (String value :
        List.of(
            PUBLIC_KEY,
            RECEIPT_0,
            RECEIPT_0_HASH,
            LEAF_0,
            LEAF_1,
            LEAF_2,
            NODE_01,
            ROOT,
            PROOF_OF_LEAF_2,
            BATCH_ROOT,
            BATCH_ROOT_HASH,
            SIGNATURE,
            CAPACITY_SEED,
            ARGON2ID_OF_FIRST_NONCE,
            CAPACITY_PROOF)) {
      assertTrue(readme.contains(value), "proofs/README.md lacks " + value);
    }
    assertTrue(readme.contains("nonce=" + FIRST_NONCE), "proofs/README.md lacks the nonce");
  }
}
