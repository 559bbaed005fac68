package io.gyre.air.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ParticleErrorTest {
  @Test
  void layoutAndRoundTrip() throws Exception {
    ParticleError error = new ParticleError("p", ParticleError.Code.NO_ROUTE, "x");
    assertEquals(
        "01" + "0000000170" + "000000086e6f5f726f757465" + "0000000178",
        HexFormat.of().formatHex(error.encode()));
    for (ParticleError.Code code : ParticleError.Code.values()) {
      ParticleError each = new ParticleError("id-ü", code, "why 🌍");
      assertEquals(each, ParticleError.decode(each.encode()));
    }
  }

  @Test
  void anUnknownCodeOrBrokenBytesAreRefused() {
    byte[] bytes = new ParticleError("p", ParticleError.Code.EXPIRED, "late").encode();
    byte[] unknown = bytes.clone();
    unknown[11] = (byte) 'X'; // "expired" -> "eXpired"
    assertTrue(
        assertThrows(MalformedParticleException.class, () -> ParticleError.decode(unknown))
            .getMessage()
            .contains("unknown particle error code 'eXpired'"));
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThrows(MalformedParticleException.class, () -> ParticleError.decode(cut));
    }
    assertThrows(
        MalformedParticleException.class,
        () -> ParticleError.decode(Arrays.copyOf(bytes, bytes.length + 1)));
  }
}
