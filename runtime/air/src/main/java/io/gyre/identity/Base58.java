package io.gyre.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Base58 with the Bitcoin alphabet, as libp2p writes peer ids. */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private static final int[] INDEXES = new int[128];

  static {
    java.util.Arrays.fill(INDEXES, -1);
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
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, input);
    while (value.signum() > 0) {
      BigInteger[] divRem = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(divRem[1].intValue()));
      value = divRem[0];
    }
    out.append("1".repeat(leadingZeros));
    return out.reverse().toString();
  }

  /** Decodes base58 text; throws {@link IllegalArgumentException} naming the bad character. */
  public static byte[] decode(String input) {
    BigInteger value = BigInteger.ZERO;
    int leadingOnes = 0;
    boolean counting = true;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException(
            "invalid base58 character '" + c + "' at position " + i + " in '" + input + "'");
      }
      if (counting && digit == 0) {
        leadingOnes++;
      } else {
        counting = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < leadingOnes; i++) {
      out.write(0);
    }
    out.write(magnitude, start, magnitude.length - start);
    return out.toByteArray();
  }
}
