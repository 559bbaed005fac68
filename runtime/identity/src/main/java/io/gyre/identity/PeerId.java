package io.gyre.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id for an Ed25519 key: base58 of the identity multihash of the protobuf public key,
 * {@code 00 24 08 01 12 20 || key(32)}, which always reads {@code 12D3KooW...}.
 */
public record PeerId(String base58, byte[] publicKey) {
  private static final byte[] PREFIX = {0x00, 0x24, 0x08, 0x01, 0x12, 0x20};

  public PeerId {
    publicKey = publicKey.clone();
  }

  public static PeerId fromPublicKey(byte[] publicKey) {
    if (publicKey.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
    byte[] bytes = Arrays.copyOf(PREFIX, PREFIX.length + 32);
    System.arraycopy(publicKey, 0, bytes, PREFIX.length, 32);
    return new PeerId(Base58.encode(bytes), publicKey);
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
