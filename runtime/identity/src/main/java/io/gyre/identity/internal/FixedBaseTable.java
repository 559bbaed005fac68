package io.gyre.identity.internal;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The multiples j * 2^(width*i) * P (j = 1 .. 2^(width-1), one row per signed radix-2^width digit
 * position i) of one point P, affine in half-Niels form: [n]P is then one table addition per
 * non-zero digit of n and no doubling at all. A table of width 4 holds 64 x 8 points (61 KB), of
 * width 5, 51 x 16 (98 KB), of width 8, 32 x 128 (491 KB).
 */
final class FixedBaseTable {
  private final int width;
  private final int rowPoints;
  private final int[] niels;

  private FixedBaseTable(int width, int[] niels) {
    this.width = width;
    this.rowPoints = 1 << (width - 1);
    this.niels = niels;
  }

  int width() {
    return width;
  }

  static FixedBaseTable of(Curve.AffinePoint point, int width) {
    int rowPoints = 1 << (width - 1);
    int rows = Scalars.digitCount(width);
    EdwardsPoint[] multiples = new EdwardsPoint[rows * rowPoints];
    EdwardsPoint rowBase = EdwardsPoint.of(point);
    for (int row = 0; row < rows; row++) {
      EdwardsPoint multiple = rowBase.copy();
      multiples[row * rowPoints] = multiple;
      for (int j = 1; j < rowPoints; j++) {
        multiple = multiple.copy();
        multiple.add(rowBase);
        multiples[row * rowPoints + j] = multiple;
      }
      // 2 * 2^(width-1) * base = 2^width * base, the next row's base
      rowBase = multiple.copy();
      rowBase.twice();
    }
    int[] zInverses = invertAll(multiples);
    int[] niels = new int[multiples.length * EdwardsPoint.NIELS_INTS];
    int[] zInverse = X25519Field.create();
    for (int i = 0; i < multiples.length; i++) {
      X25519Field.copy(zInverses, i * X25519Field.SIZE, zInverse, 0);
      multiples[i].writeNiels(zInverse, niels, i * EdwardsPoint.NIELS_INTS);
    }
    return new FixedBaseTable(width, niels);
  }

  /**
   * accumulator += sum digits[i] * 2^(width*i) * P (or minus it, when {@code negate}); the digits
   * come from {@link Scalars#signedDigits} with this table's width.
   */
  void accumulate(EdwardsPoint accumulator, byte[] digits, boolean negate) {
    for (int row = 0; row < digits.length; row++) {
      int digit = digits[row];
      if (digit != 0) {
        int index = row * rowPoints + Math.abs(digit) - 1;
        accumulator.addNiels(niels, index * EdwardsPoint.NIELS_INTS, (digit < 0) != negate);
      }
    }
  }

  /** The inverses of every point's Z with one field inversion (Montgomery's trick). */
  private static int[] invertAll(EdwardsPoint[] points) {
    int size = X25519Field.SIZE;
    int[] prefix = X25519Field.createTable(points.length);
    int[] running = X25519Field.create();
    X25519Field.copy(points[0].z(), 0, running, 0);
    X25519Field.copy(running, 0, prefix, 0);
    for (int i = 1; i < points.length; i++) {
      X25519Field.mul(running, points[i].z(), running);
      X25519Field.copy(running, 0, prefix, i * size);
    }
    int[] inverse = X25519Field.create();
    X25519Field.invVar(running, inverse);
    int[] inverses = X25519Field.createTable(points.length);
    int[] before = X25519Field.create();
    int[] single = X25519Field.create();
    for (int i = points.length - 1; i > 0; i--) {
      // inverse = 1 / (z_0 ... z_i): 1/z_i = inverse * (z_0 ... z_(i-1))
      X25519Field.copy(prefix, (i - 1) * size, before, 0);
      X25519Field.mul(inverse, before, single);
      X25519Field.copy(single, 0, inverses, i * size);
      X25519Field.mul(inverse, points[i].z(), inverse);
    }
    X25519Field.copy(inverse, 0, inverses, 0);
    return inverses;
  }
}
