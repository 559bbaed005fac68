package io.gyre.net.libp2p.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gyre.net.Hex;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

class HkdfTest {
  /**
   * RFC 5869 test case 3 (SHA-256, empty salt and info): Noise's two outputs are its first 64
   * bytes.
   */
  @Test
  void rfc5869TestCase3() {
    byte[][] out = Hkdf.derive(new byte[0], Hex.bytes("0b".repeat(22)));
    String okm =
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
    assertEquals(okm.substring(0, 64), Hex.of(out[0]));
    assertEquals(okm.substring(64), Hex.of(out[1]).substring(0, okm.length() - 64));
  }

  /** Noise's HKDF equals BouncyCastle's RFC 5869 HKDF with the chaining key as salt. */
  @Property
  void agreesWithBouncyCastle(
      @ForAll @Size(32) byte[] chainingKey, @ForAll @Size(max = 64) byte[] input) {
    HKDFBytesGenerator reference = new HKDFBytesGenerator(new SHA256Digest());
    reference.init(new HKDFParameters(input, chainingKey, new byte[0]));
    byte[] expected = new byte[64];
    reference.generateBytes(expected, 0, 64);
    byte[][] out = Hkdf.derive(chainingKey, input);
    assertArrayEquals(Arrays.copyOfRange(expected, 0, 32), out[0]);
    assertArrayEquals(Arrays.copyOfRange(expected, 32, 64), out[1]);
  }
}
