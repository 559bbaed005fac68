package io.gyre.air.internal.data;

import io.gyre.identity.PeerId;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One peer's signed contribution to a particle's data: what one run of the interpreter added. On
 * the wire: {@code hash(32) | author public key(32) | signature(64) | body}, where {@code hash} is
 * SHA-256 of the body and the signature is Ed25519 over {@code "gyre-air/1" | particle id | 0 |
 * hash}. Batches are immutable and never re-encoded: merging copies their bytes.
 */
public final class Batch {
  static final int HASH = 32;
  static final int KEY = 32;
  static final int SIGNATURE = 64;
  static final int HEADER = HASH + KEY + SIGNATURE;
  private static final ConcurrentHashMap<KeyBytes, String> PEER_IDS = new ConcurrentHashMap<>();

  private final byte[] buf;
  private final int start;
  private final int end;
  private String author;

  Batch(byte[] buf, int start, int end) {
    if (end - start < HEADER) {
      throw new DataFormatException("a batch is shorter than its header");
    }
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int length() {
    return end - start;
  }

  int bodyStart() {
    return start + HEADER;
  }

  boolean sameHash(Batch other) {
    return Arrays.equals(buf, start, start + HASH, other.buf, other.start, other.start + HASH);
  }

  /** The first eight bytes of the hash, for hash sets. */
  long hashPrefix() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (buf[start + i] & 0xFF);
    }
    return value;
  }

  byte[] hash() {
    return Arrays.copyOfRange(buf, start, start + HASH);
  }

  byte[] publicKey() {
    return Arrays.copyOfRange(buf, start + HASH, start + HASH + KEY);
  }

  byte[] signature() {
    return Arrays.copyOfRange(buf, start + HASH + KEY, start + HEADER);
  }

  /** The author's peer id ({@code 12D3KooW…}), cached per key. */
  public String author() {
    if (author == null) {
      byte[] key = publicKey();
      author =
          PEER_IDS.computeIfAbsent(new KeyBytes(key), k -> PeerId.fromPublicKey(k.bytes).base58());
      if (PEER_IDS.size() > 100_000) {
        PEER_IDS.clear();
      }
    }
    return author;
  }

  /** A byte array compared by content, as a cache key. */
  private static final class KeyBytes {
    final byte[] bytes;
    final int hash;

    KeyBytes(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
