package io.gyre.air.internal.data;

import io.gyre.identity.PeerId;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One peer's signed contribution to a particle's data: what one run of the interpreter added. On
 * the wire: {@code hash(32) | author public key(32) | signature(64) | prev(32) | body}, where
 * {@code prev} is the hash of the author's previous batch (zeros for its first), {@code hash} is
 * SHA-256 of {@code prev | body}, and the signature is Ed25519 over {@code "gyre-air/1" | particle
 * id | 0 | hash}. An author's batches thus form a hash chain: checking the signature of the newest
 * one vouches for the ones it links to. Batches are immutable and never re-encoded: merging copies
 * their bytes.
 */
public final class Batch {
  static final int HASH = 32;
  static final int KEY = 32;
  static final int SIGNATURE = 64;
  static final int PREV = 32;
  static final int HEADER = HASH + KEY + SIGNATURE + PREV;
  static final byte[] NO_PREVIOUS = new byte[PREV];
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

  /** Where the hashed bytes ({@code prev | body}) start. */
  int hashedStart() {
    return start + HASH + KEY + SIGNATURE;
  }

  /** True when this batch's {@code prev} is {@code other}'s hash. */
  boolean follows(Batch other) {
    return Arrays.equals(
        buf, hashedStart(), hashedStart() + PREV, other.buf, other.start, other.start + HASH);
  }

  /** The first eight bytes of {@code prev}, for hash lookups. */
  long prevPrefix() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (buf[hashedStart() + i] & 0xFF);
    }
    return value;
  }

  boolean sameAuthor(Batch other) {
    return Arrays.equals(
        buf,
        start + HASH,
        start + HASH + KEY,
        other.buf,
        other.start + HASH,
        other.start + HASH + KEY);
  }

  boolean authoredBy(byte[] publicKey) {
    return Arrays.equals(buf, start + HASH, start + HASH + KEY, publicKey, 0, KEY);
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
    return Arrays.copyOfRange(buf, start + HASH + KEY, start + HASH + KEY + SIGNATURE);
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
