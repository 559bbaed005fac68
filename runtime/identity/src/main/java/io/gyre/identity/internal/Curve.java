package io.gyre.identity.internal;

import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Edwards25519's constants and point decoding (RFC 8032 section 5.1.3), on BouncyCastle's field
 * arithmetic. The constants are derived here from their definitions (d = -121665/121666, the base
 * point's y = 4/5 with x even) rather than written out.
 */
final class Curve {
  /** The curve constant d. */
  static final int[] D = X25519Field.create();

  /** 2d, as the addition formulas use it. */
  static final int[] D2 = X25519Field.create();

  /** 1/2: precomputed points hold (y+x)/2 and (y-x)/2 so that additions need no doubling of Z. */
  static final int[] HALF = X25519Field.create();

  /** The base point B. */
  static final AffinePoint BASE;

  static {
    int[] inverse = X25519Field.create();
    X25519Field.invVar(small(121666), inverse);
    X25519Field.mul(small(121665), inverse, D);
    X25519Field.negate(D, D);
    X25519Field.normalize(D);
    X25519Field.mul(D, 2, D2);
    X25519Field.normalize(D2);
    X25519Field.invVar(small(2), HALF);
    X25519Field.normalize(HALF);
    int[] y = X25519Field.create();
    X25519Field.invVar(small(5), inverse);
    X25519Field.mul(small(4), inverse, y);
    X25519Field.normalize(y);
    BASE = recoverX(y, 0).orElseThrow();
  }

  private Curve() {}

  /** An affine point: both coordinates normalized. */
  record AffinePoint(int[] x, int[] y) {}

  /**
   * The point a 32-byte encoding names, or empty when the encoding is not canonical (y &ge; p), y
   * has no x on the curve, or x = 0 comes with the sign bit set: the checks RFC 8032 asks for.
   */
  static Optional<AffinePoint> decode(byte[] encoding, int offset) {
    if (!isCanonical(encoding, offset)) {
      return Optional.empty();
    }
    int[] y = X25519Field.create();
    X25519Field.decode(encoding, offset, y);
    return recoverX(y, (encoding[offset + 31] >>> 7) & 1);
  }

  /** True when the encoding's y (its low 255 bits) is below p = 2^255 - 19. */
  static boolean isCanonical(byte[] encoding, int offset) {
    if ((encoding[offset + 31] & 0x7F) != 0x7F) {
      return true;
    }
    for (int i = 30; i > 0; i--) {
      if (encoding[offset + i] != (byte) 0xFF) {
        return true;
      }
    }
    return (encoding[offset] & 0xFF) < 0xED;
  }

  /** x from x^2 = (y^2 - 1) / (d y^2 + 1), with the given parity. */
  private static Optional<AffinePoint> recoverX(int[] y, int sign) {
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    int[] x = X25519Field.create();
    X25519Field.sqr(y, u);
    X25519Field.mul(D, u, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    if (!X25519Field.sqrtRatioVar(u, v, x)) {
      return Optional.empty();
    }
    X25519Field.normalize(x);
    if (sign == 1 && X25519Field.isZeroVar(x)) {
      return Optional.empty();
    }
    if ((x[0] & 1) != sign) {
      X25519Field.negate(x, x);
      X25519Field.normalize(x);
    }
    X25519Field.normalize(y);
    return Optional.of(new AffinePoint(x, y));
  }

  private static int[] small(int value) {
    int[] element = X25519Field.create();
    element[0] = value;
    return element;
  }
}
