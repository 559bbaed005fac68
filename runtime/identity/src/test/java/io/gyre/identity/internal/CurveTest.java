package io.gyre.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.junit.jupiter.api.Test;

class CurveTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void dIsRfc8032sConstant() {
    byte[] d = new byte[32];
    X25519Field.encode(Curve.D, d, 0);
    // RFC 8032 section 5.1: d =
    // 37095705934669439343138083508754565189542113879843219016388785533085940283555
    byte[] expected =
        HEX.parseHex("52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3");
    assertArrayEquals(reverse(expected), d);
  }

  @Test
  void theBasePointEncodesAsInRfc8032() {
    byte[] encoded = EdwardsPoint.of(Curve.BASE).encode();
    assertEquals("58" + "66".repeat(31), HEX.formatHex(encoded));
  }

  @Test
  void encodingsAtOrAbovePAreNotCanonical() {
    byte[] p =
        reverse(HEX.parseHex("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed"));
    assertFalse(Curve.isCanonical(p, 0));
    assertTrue(Curve.decode(p, 0).isEmpty());
    byte[] belowP = p.clone();
    belowP[0]--;
    assertTrue(Curve.isCanonical(belowP, 0));
    byte[] withSign = p.clone();
    withSign[31] |= (byte) 0x80;
    assertFalse(Curve.isCanonical(withSign, 0));
  }

  @Test
  void xZeroWithTheSignBitSetDoesNotDecode() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertTrue(Curve.decode(identity, 0).isPresent());
    identity[31] = (byte) 0x80;
    assertTrue(Curve.decode(identity, 0).isEmpty());
  }

  static byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }
}
