package io.gyre.identity.internal;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * A public key with its precomputed table: verifies its signatures with table additions only.
 * Semantics are BouncyCastle 1.80's {@code Ed25519.verify}: R canonical and on the curve, S below
 * L, and [8]([S]B - [k]A - R) the neutral element (RFC 8032 section 5.1.7, cofactored), with k =
 * SHA-512(R || A || M) mod L. Variable time: only public data goes through here.
 */
public final class HotKey {
  /**
   * Radix 2^8 for B (one static table of 32 x 128 points, 491 KB) and 2^5 for keys (98 KB each):
   * B's table replaced radix 2^5 (measured faster with Ed25519Benchmark); for keys, radix 2^4 (61
   * KB) took 57 us a verification here, 2^5 52 us, 2^6 (165 KB) 48 us: 2^5 is the middle.
   */
  static final int BASE_WIDTH = 8;

  static final int KEY_WIDTH = 5;

  private final KeyBytes key;
  private final FixedBaseTable table;

  private HotKey(KeyBytes key, FixedBaseTable table) {
    this.key = key;
    this.table = table;
  }

  /** The key's table; empty when the bytes do not decode to a curve point. */
  public static Optional<HotKey> build(KeyBytes key) {
    return build(key, KEY_WIDTH);
  }

  static Optional<HotKey> build(KeyBytes key, int width) {
    return Curve.decode(key.shared(), 0)
        .map(point -> new HotKey(key, FixedBaseTable.of(point, width)));
  }

  public KeyBytes key() {
    return key;
  }

  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != 64
        || !Curve.isCanonical(signature, 0)
        || !Scalars.isReduced(signature, 32)) {
      return false;
    }
    byte[] k = challenge(signature, message);
    EdwardsPoint check = EdwardsPoint.identity();
    BaseTable.TABLE.accumulate(
        check, Scalars.signedDigits(signature, 32, BaseTable.TABLE.width()), false);
    table.accumulate(check, Scalars.signedDigits(k, 0, table.width()), true);
    if (Arrays.equals(check.encode(), 0, 32, signature, 0, 32)) {
      return true;
    }
    // Not R itself: still valid when [S]B - [k]A - R has small order (cofactored check).
    return Curve.decode(signature, 0)
        .map(
            r -> {
              int[] negatedR = new int[EdwardsPoint.NIELS_INTS];
              EdwardsPoint.writeNiels(r.x(), r.y(), negatedR, 0);
              check.addNiels(negatedR, 0, true);
              return check.isSmallOrder();
            })
        .orElse(false);
  }

  /** k = SHA-512(R || A || M) mod L. */
  private byte[] challenge(byte[] signature, byte[] message) {
    SHA512Digest digest = new SHA512Digest();
    digest.update(signature, 0, 32);
    digest.update(key.shared(), 0, 32);
    digest.update(message, 0, message.length);
    byte[] hash = new byte[64];
    digest.doFinal(hash, 0);
    return Scalars.reduce(hash);
  }

  /** B's table, built on first use. */
  private static final class BaseTable {
    static final FixedBaseTable TABLE = FixedBaseTable.of(Curve.BASE, BASE_WIDTH);
  }
}
