package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIdCidTest {
  /**
   * One Ed25519 peer id in both spellings, from IPFS's tests of peer-id normalisation: both texts
   * there normalise to the same base36 name {@code
   * k51qzi5uqu5dgklmbtqcksqzdz8xl138l9lfb50dszwclp9tr85u2ae2x2uj0q}.
   */
  private static final String IPFS_BASE58 = "12D3KooWAsKeVQRVqBi2uzfVub7L6b7oByD1dGmorN644bEx6TyT";

  private static final String IPFS_CID =
      "bafzaajaiaejcad45sqaz4vc7ftbzbyw5clcjhifslsklqzkqn4hcghvuqmim7qok";

  /** The spec's example of an Ed25519 peer id (identity multihash, base58btc). */
  private static final String SPEC_ED25519 = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

  /** The spec's example of a sha2-256 peer id as a CID: an RSA key, which has no Ed25519 form. */
  private static final String SPEC_SHA256_CID =
      "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe";

  /** The spec's test vector for an Ed25519 public key, protobuf-encoded (type 1, 32 bytes). */
  private static final String SPEC_ED25519_PUBLIC_KEY_PROTOBUF =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

  @Test
  void aKnownPeerIdHasItsKnownCid() {
    PeerId id = PeerId.parse(IPFS_BASE58).orElseThrow();
    assertEquals(IPFS_CID, id.toCid());
    assertEquals(id, PeerId.fromCid(IPFS_CID).orElseThrow());
    assertEquals(IPFS_BASE58, PeerId.fromCid(IPFS_CID).orElseThrow().base58());
  }

  @Test
  void theSpecsEd25519KeyVectorIsTheCidsPayload() {
    byte[] protobuf = HexFormat.of().parseHex(SPEC_ED25519_PUBLIC_KEY_PROTOBUF);
    byte[] key = Arrays.copyOfRange(protobuf, 4, protobuf.length);
    String cid = PeerId.fromPublicKey(key).toCid();

    // The CID's bytes are 01 72 (CIDv1, libp2p-key), 00 24 (identity multihash of 36 bytes), then
    // the spec's protobuf bytes verbatim.
    assertEquals('b', cid.charAt(0));
    byte[] bytes = Base32.decode(cid.substring(1));
    assertEquals("01720024" + SPEC_ED25519_PUBLIC_KEY_PROTOBUF, HexFormat.of().formatHex(bytes));
    assertArrayEquals(key, PeerId.fromCid(cid).orElseThrow().publicKey());
  }

  @Test
  void theSpecsEd25519ExampleRoundTripsThroughItsCid() {
    PeerId id = PeerId.parse(SPEC_ED25519).orElseThrow();
    String cid = id.toCid();
    assertTrue(cid.startsWith("bafzaajaiaejc"), cid);
    assertEquals(SPEC_ED25519, PeerId.fromCid(cid).orElseThrow().base58());
  }

  @Property(tries = 200)
  void everyKeysIdRoundTripsThroughItsCid(@ForAll @Size(32) byte[] secret) {
    PeerId id = KeyPair.fromSecret(secret).peerId();
    PeerId back = PeerId.fromCid(id.toCid()).orElseThrow();
    assertEquals(id.base58(), back.base58());
    assertArrayEquals(id.publicKey(), back.publicKey());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        SPEC_SHA256_CID, // sha2-256 multihash: no key inside
        SPEC_ED25519, // the base58 form is not a CID
        "", // nothing
        "Bafzaajaiaejcad45sqaz4vc7ftbzbyw5clcjhifslsklqzkqn4hcghvuqmim7qok", // upper-case prefix
        "bafzaajaiaejcad45sqaz4vc7ftbzbyw5clcjhifslsklqzkqn4hcghvuqmim7qo", // one character short
        "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354", // dag-pb content, not a key
        "bafzaajaiaejcad45sqaz4vc7ftbzbyw5clcjhifslsklqzkqn4hcghvuqmim7qo1", // '1' is not base32
      })
  void textThatIsNotAnEd25519PeerIdCidDoesNotParse(String text) {
    assertTrue(PeerId.fromCid(text).isEmpty(), text);
  }
}
