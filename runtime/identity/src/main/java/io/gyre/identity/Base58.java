package io.gyre.identity;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as libp2p writes peer ids. Every particle arrival parses its
 * init peer's id, so the conversion works on small int digits rather than BigInteger.
 */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEXES[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int leadingZeros = 0;
    while (leadingZeros < input.length && input[leadingZeros] == 0) {
      leadingZeros++;
    }
    // Base-58 digits, least significant first: each input byte multiplies them by 256 and adds.
    int[] digits = new int[input.length * 138 / 100 + 1];
    int length = 0;
    for (int i = leadingZeros; i < input.length; i++) {
      int carry = input[i] & 0xff;
      for (int j = 0; j < length; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % 58;
        carry /= 58;
      }
      while (carry > 0) {
        digits[length++] = carry % 58;
        carry /= 58;
      }
    }
    StringBuilder out = new StringBuilder(leadingZeros + length);
    out.append("1".repeat(leadingZeros));
    for (int j = length - 1; j >= 0; j--) {
      out.append(ALPHABET.charAt(digits[j]));
    }
    return out.toString();
  }

  /** Decodes base58 text; throws {@link IllegalArgumentException} naming the bad character. */
  public static byte[] decode(String input) {
    int leadingOnes = 0;
    while (leadingOnes < input.length() && input.charAt(leadingOnes) == '1') {
      leadingOnes++;
    }
    // Bytes, least significant first: each base-58 digit multiplies them by 58 and adds.
    int[] bytes = new int[input.length() * 733 / 1000 + 1];
    int length = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException(
            "invalid base58 character '" + c + "' at position " + i + " in '" + input + "'");
      }
      int carry = digit;
      for (int j = 0; j < length; j++) {
        carry += bytes[j] * 58;
        bytes[j] = carry & 0xff;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[length++] = carry & 0xff;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[leadingOnes + length];
    for (int j = 0; j < length; j++) {
      out[out.length - 1 - j] = (byte) bytes[j];
    }
    return out;
  }
}
