package io.gyre.identity.internal;

import java.math.BigInteger;

/** Scalars modulo the group order L, as little-endian 32-byte strings (RFC 8032). */
final class Scalars {
  /** The order of the base point: 2^252 + 27742317777372353535851937790883648493. */
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final byte[] L_BYTES = littleEndian(L);

  private Scalars() {}

  /** True when the 32 bytes at {@code offset} encode an integer below L (RFC 8032's S check). */
  static boolean isReduced(byte[] bytes, int offset) {
    for (int i = 31; i >= 0; i--) {
      int s = bytes[offset + i] & 0xFF;
      int l = L_BYTES[i] & 0xFF;
      if (s != l) {
        return s < l;
      }
    }
    return false;
  }

  /** A 64-byte little-endian hash reduced modulo L. */
  static byte[] reduce(byte[] hash) {
    byte[] bigEndian = new byte[hash.length];
    for (int i = 0; i < hash.length; i++) {
      bigEndian[i] = hash[hash.length - 1 - i];
    }
    return littleEndian(new BigInteger(1, bigEndian).mod(L));
  }

  /**
   * Signed radix-2^width digits d_i in [-2^(width-1), 2^(width-1)) of a scalar below 2^253, with
   * scalar = sum d_i 2^(width*i), as many as {@link #digitCount} gives.
   */
  static byte[] signedDigits(byte[] scalar, int offset, int width) {
    byte[] digits = new byte[digitCount(width)];
    int radix = 1 << width;
    int carry = 0;
    for (int i = 0; i < digits.length; i++) {
      int digit = bits(scalar, offset, i * width, width) + carry;
      carry = digit >= radix >>> 1 ? 1 : 0;
      digits[i] = (byte) (digit - carry * radix);
    }
    return digits;
  }

  /**
   * Digits a scalar below 2^253 needs in radix 2^width: the top one absorbs the last carry and
   * stays below 2^(width-1) for the widths used (at most 8).
   */
  static int digitCount(int width) {
    return 253 / width + 1;
  }

  private static int bits(byte[] scalar, int offset, int from, int count) {
    int value = 0;
    for (int bit = from + count - 1; bit >= from; bit--) {
      int index = bit >>> 3;
      int b = index < 32 ? (scalar[offset + index] >>> (bit & 7)) & 1 : 0;
      value = (value << 1) | b;
    }
    return value;
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] result = new byte[32];
    for (int i = 0; i < result.length && i < bigEndian.length; i++) {
      result[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return result;
  }
}
