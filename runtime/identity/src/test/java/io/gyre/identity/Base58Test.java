package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base58Test {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Bitcoin's definition: the bytes as one big number in base 58, a '1' per leading zero byte. */
  private static String reference(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] divRem = value.divideAndRemainder(base);
      out.append(ALPHABET.charAt(divRem[1].intValue()));
      value = divRem[0];
    }
    return "1".repeat(zeros) + out.reverse();
  }

  @Property
  void encodesAsTheBigNumberDefinition(@ForAll @Size(max = 80) byte[] bytes) {
    assertEquals(reference(bytes), Base58.encode(bytes));
  }

  @Property
  void decodeInvertsEncode(@ForAll @Size(max = 80) byte[] bytes) {
    assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
  }

  @Property
  void leadingZeroBytesAreLeadingOnes(@ForAll @Size(max = 40) byte[] tail) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0);
    bytes.write(0);
    bytes.writeBytes(tail);
    String text = Base58.encode(bytes.toByteArray());
    assertTrue(text.startsWith("11"), text);
    assertArrayEquals(bytes.toByteArray(), Base58.decode(text));
  }

  @Test
  void knownPeerIdDecodesToItsMultihash() {
    byte[] bytes = Base58.decode("12D3KooWKQnPXzfPQ7UA2wvWtVVJyUurezdi8Nu5cyhJxLJzE8Xz");
    assertEquals(38, bytes.length);
    assertArrayEquals(
        new byte[] {0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, java.util.Arrays.copyOf(bytes, 6));
  }

  @Test
  void badCharacterIsNamedWithItsPosition() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("12D0x"));
    assertTrue(error.getMessage().contains("'0' at position 3"), error.getMessage());
  }
}
