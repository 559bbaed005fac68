package io.gyre.identity.internal;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A mutable point of edwards25519 in extended coordinates (X : Y : Z : T, x = X/Z, y = Y/Z, xy =
 * T/Z) with the Hisil-Wong-Carter-Dawson formulas for a = -1. Variable time: for public data only.
 *
 * <p>Field bounds: BouncyCastle's {@code mul}/{@code sqr} take limbs up to the sum or difference of
 * two carried values and return carried ones; {@code add}/{@code sub}/{@code apm} do not carry.
 * Every multiplication input below is a product, a normalized constant, or a sum/difference of two
 * of them; the doubling's wider sums are carried first.
 */
final class EdwardsPoint {
  /** Ints one half-Niels point takes in a table: (y+x)/2, (y-x)/2, x*y*d. */
  static final int NIELS_INTS = 3 * X25519Field.SIZE;

  private final int[] x = X25519Field.create();
  private final int[] y = X25519Field.create();
  private final int[] z = X25519Field.create();
  private final int[] t = X25519Field.create();
  private final int[] a = X25519Field.create();
  private final int[] b = X25519Field.create();
  private final int[] c = X25519Field.create();
  private final int[] d = X25519Field.create();
  private final int[] e = X25519Field.create();
  private final int[] f = X25519Field.create();
  private final int[] g = X25519Field.create();
  private final int[] h = X25519Field.create();

  /** The neutral element (0, 1). */
  static EdwardsPoint identity() {
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.one(p.y);
    X25519Field.one(p.z);
    return p;
  }

  static EdwardsPoint of(Curve.AffinePoint point) {
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.copy(point.x(), 0, p.x, 0);
    X25519Field.copy(point.y(), 0, p.y, 0);
    X25519Field.one(p.z);
    X25519Field.mul(point.x(), point.y(), p.t);
    return p;
  }

  EdwardsPoint copy() {
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.copy(x, 0, p.x, 0);
    X25519Field.copy(y, 0, p.y, 0);
    X25519Field.copy(z, 0, p.z, 0);
    X25519Field.copy(t, 0, p.t, 0);
    return p;
  }

  int[] z() {
    return z;
  }

  /**
   * Writes the affine point (x, y) = (X * zInverse, Y * zInverse) in half-Niels form into {@code
   * table} at {@code offset}.
   */
  void writeNiels(int[] zInverse, int[] table, int offset) {
    int[] ax = X25519Field.create();
    int[] ay = X25519Field.create();
    X25519Field.mul(x, zInverse, ax);
    X25519Field.mul(y, zInverse, ay);
    writeNiels(ax, ay, table, offset);
  }

  static void writeNiels(int[] ax, int[] ay, int[] table, int offset) {
    int[] halfX = X25519Field.create();
    int[] halfY = X25519Field.create();
    int[] sum = X25519Field.create();
    int[] difference = X25519Field.create();
    int[] xyd = X25519Field.create();
    X25519Field.mul(ax, Curve.HALF, halfX);
    X25519Field.mul(ay, Curve.HALF, halfY);
    X25519Field.apm(halfY, halfX, sum, difference);
    X25519Field.mul(ax, ay, xyd);
    X25519Field.mul(xyd, Curve.D, xyd);
    X25519Field.normalize(sum);
    X25519Field.normalize(difference);
    X25519Field.normalize(xyd);
    X25519Field.copy(sum, 0, table, offset);
    X25519Field.copy(difference, 0, table, offset + X25519Field.SIZE);
    X25519Field.copy(xyd, 0, table, offset + 2 * X25519Field.SIZE);
  }

  /**
   * this += (or -=, when {@code negate}) the half-Niels point at {@code offset} of {@code table}.
   * Halving (y+x), (y-x) and xyd scales every intermediate by 1/2, so Z takes the place of 2Z.
   */
  void addNiels(int[] table, int offset, boolean negate) {
    int[] plus = c;
    int[] minus = d;
    System.arraycopy(table, offset, negate ? minus : plus, 0, X25519Field.SIZE);
    System.arraycopy(table, offset + X25519Field.SIZE, negate ? plus : minus, 0, X25519Field.SIZE);
    System.arraycopy(table, offset + 2 * X25519Field.SIZE, g, 0, X25519Field.SIZE);
    X25519Field.apm(y, x, b, a);
    X25519Field.mul(a, minus, a);
    X25519Field.mul(b, plus, b);
    X25519Field.mul(t, g, c);
    X25519Field.apm(b, a, h, e);
    if (negate) {
      X25519Field.apm(z, c, f, g);
    } else {
      X25519Field.apm(z, c, g, f);
    }
    finish();
  }

  /** this += other (both extended). */
  void add(EdwardsPoint other) {
    X25519Field.apm(y, x, b, a);
    X25519Field.apm(other.y, other.x, d, c);
    X25519Field.mul(a, c, a);
    X25519Field.mul(b, d, b);
    X25519Field.mul(t, other.t, c);
    X25519Field.mul(c, Curve.D2, c);
    X25519Field.add(z, z, d);
    X25519Field.mul(d, other.z, d);
    X25519Field.apm(b, a, h, e);
    X25519Field.apm(d, c, g, f);
    finish();
  }

  /** this = 2 * this. */
  void twice() {
    X25519Field.sqr(x, a);
    X25519Field.sqr(y, b);
    X25519Field.sqr(z, c);
    X25519Field.add(c, c, c);
    X25519Field.add(x, y, e);
    X25519Field.sqr(e, e);
    X25519Field.add(a, b, h);
    X25519Field.negate(h, h); // H = -A - B
    X25519Field.add(e, h, e); // E = (X+Y)^2 - A - B
    X25519Field.carry(e);
    X25519Field.sub(b, a, g); // G = B - A
    X25519Field.sub(g, c, f); // F = G - 2Z^2
    X25519Field.carry(f);
    finish();
  }

  private void finish() {
    X25519Field.mul(e, f, x);
    X25519Field.mul(g, h, y);
    X25519Field.mul(f, g, z);
    X25519Field.mul(e, h, t);
  }

  /** RFC 8032's 32-byte encoding: y, with x's parity in the top bit. */
  byte[] encode() {
    int[] zInverse = X25519Field.create();
    int[] ax = X25519Field.create();
    int[] ay = X25519Field.create();
    X25519Field.invVar(z, zInverse);
    X25519Field.mul(x, zInverse, ax);
    X25519Field.mul(y, zInverse, ay);
    X25519Field.normalize(ax);
    X25519Field.normalize(ay);
    byte[] encoding = new byte[32];
    X25519Field.encode(ay, encoding, 0);
    encoding[31] |= (byte) ((ax[0] & 1) << 7);
    return encoding;
  }

  /** True when 8 * this is the neutral element: this lies in the small-order subgroup. */
  boolean isSmallOrder() {
    EdwardsPoint p = copy();
    p.twice();
    p.twice();
    p.twice();
    X25519Field.normalize(p.x);
    X25519Field.normalize(p.y);
    X25519Field.normalize(p.z);
    return X25519Field.isZeroVar(p.x) && X25519Field.areEqualVar(p.y, p.z);
  }
}
