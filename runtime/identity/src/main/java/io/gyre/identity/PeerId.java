package io.gyre.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id for an Ed25519 key: base58 of the identity multihash of the protobuf public key,
 * {@code 00 24 08 01 12 20 || key(32)}, which always reads {@code 12D3KooW...}. libp2p's peer-id
 * spec also writes it as a CID ({@link #toCid()}, {@code bafzaajaiaejc...}).
 */
public record PeerId(String base58, byte[] publicKey) {
  private static final byte[] PREFIX = {0x00, 0x24, 0x08, 0x01, 0x12, 0x20};
  // CIDv1 (0x01) with the libp2p-key multicodec (0x72), both one-byte varints.
  private static final byte[] CID_PREFIX = {0x01, 0x72};
  // Multibase's prefix for lower-case unpadded base32.
  private static final char BASE32_LOWER = 'b';

  public PeerId {
    publicKey = publicKey.clone();
  }

  public static PeerId fromPublicKey(byte[] publicKey) {
    if (publicKey.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
    return new PeerId(Base58.encode(identityMultihash(publicKey)), publicKey);
  }

  private static byte[] identityMultihash(byte[] publicKey) {
    byte[] bytes = Arrays.copyOf(PREFIX, PREFIX.length + 32);
    System.arraycopy(publicKey, 0, bytes, PREFIX.length, 32);
    return bytes;
  }

  /** Parses a {@code 12D3KooW...} id; empty when the text is not an Ed25519 libp2p peer id. */
  public static Optional<PeerId> parse(String text) {
    byte[] bytes;
    try {
      bytes = Base58.decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != PREFIX.length + 32
        || !Arrays.equals(bytes, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
      return Optional.empty();
    }
    return Optional.of(new PeerId(text, Arrays.copyOfRange(bytes, PREFIX.length, bytes.length)));
  }

  /**
   * Parses the CID form {@link #toCid()} writes; empty when the text is not a base32 CIDv1 with the
   * libp2p-key codec around an Ed25519 identity multihash (a sha2-256 peer id of an RSA key, for
   * one, has no public key to recover).
   */
  public static Optional<PeerId> fromCid(String text) {
    if (text.isEmpty() || text.charAt(0) != BASE32_LOWER) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base32.decode(text.substring(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int multihashAt = CID_PREFIX.length;
    if (bytes.length != multihashAt + PREFIX.length + 32
        || !Arrays.equals(bytes, 0, multihashAt, CID_PREFIX, 0, multihashAt)
        || !Arrays.equals(
            bytes, multihashAt, multihashAt + PREFIX.length, PREFIX, 0, PREFIX.length)) {
      return Optional.empty();
    }
    return Optional.of(
        fromPublicKey(Arrays.copyOfRange(bytes, multihashAt + PREFIX.length, bytes.length)));
  }

  /**
   * This id as libp2p's peer-id spec writes it as a CID: CIDv1, multicodec libp2p-key, the same
   * identity multihash, multibase base32 in lower case ({@code bafzaajaiaejc...}).
   */
  public String toCid() {
    byte[] multihash = identityMultihash(publicKey);
    byte[] cid = Arrays.copyOf(CID_PREFIX, CID_PREFIX.length + multihash.length);
    System.arraycopy(multihash, 0, cid, CID_PREFIX.length, multihash.length);
    return BASE32_LOWER + Base32.encode(cid);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PeerId that && base58.equals(that.base58);
  }

  @Override
  public int hashCode() {
    return base58.hashCode();
  }

  @Override
  public String toString() {
    return base58;
  }
}
