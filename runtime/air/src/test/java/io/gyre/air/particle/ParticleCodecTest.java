package io.gyre.air.particle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParticleCodecTest {
  private static final KeyPair INIT = KeyPair.fromSeedName("init");

  @Test
  void theLayoutIsTheClustersByteForByte() {
    Particle particle =
        new Particle("p", "i", 0x0102030405060708L, 10, "s", new byte[] {9}, new byte[] {7, 8});
    assertEquals(
        "01"
            + "0000000170" // id "p"
            + "0000000169" // init "i"
            + "0102030405060708" // timestamp
            + "000000000000000a" // ttl
            + "0000000173" // script "s"
            + "0000000109" // signature
            + "000000020708", // data
        HexFormat.of().formatHex(ParticleCodec.encode(particle)));
  }

  @Test
  void aSignedParticleRoundTripsAndStillVerifies() throws Exception {
    Particle signed =
        ParticleSignature.sign(INIT, "id-ü-1", 1_700_000_000_000L, 0xFFFF_FFFFL, "(null) 🌍")
            .withData(new byte[] {1, 2, 3});
    Particle back = ParticleCodec.decode(ParticleCodec.encode(signed));
    assertEquals(signed, back);
    assertEquals(Optional.empty(), ParticleSignature.verify(back));
  }

  @Test
  void cutShortTrailingBytesAndAnotherVersionAreRefused() {
    byte[] bytes =
        ParticleCodec.encode(
            ParticleSignature.sign(INIT, "p-1", 1_700_000_000_000L, 1000, "(null)"));
    for (int length : new int[] {0, 1, 5, 30, bytes.length - 1}) {
      byte[] cut = Arrays.copyOf(bytes, length);
      String message =
          assertThrows(MalformedParticleException.class, () -> ParticleCodec.decode(cut))
              .getMessage();
      assertTrue(message.contains("cut short") || message.contains("remain"), message);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
    assertTrue(
        assertThrows(MalformedParticleException.class, () -> ParticleCodec.decode(longer))
            .getMessage()
            .contains("2 trailing bytes"));
    byte[] version = bytes.clone();
    version[0] = 7;
    assertTrue(
        assertThrows(MalformedParticleException.class, () -> ParticleCodec.decode(version))
            .getMessage()
            .contains("version 7"));
  }

  @Test
  void aClaimedLengthBeyondTheBytesIsRefusedBeforeAllocating() {
    byte[] bytes =
        ParticleCodec.encode(
            ParticleSignature.sign(INIT, "p-1", 1_700_000_000_000L, 1000, "(null)"));
    byte[] huge = bytes.clone();
    huge[1] = 0x7F; // the id claims about 2 GB
    assertTrue(
        assertThrows(MalformedParticleException.class, () -> ParticleCodec.decode(huge))
            .getMessage()
            .contains("remain"));
    byte[] negative = bytes.clone();
    negative[1] = (byte) 0x80;
    assertThrows(MalformedParticleException.class, () -> ParticleCodec.decode(negative));
  }

  @Test
  void encodingWithRoomLeavesTheBufferAfterTheParticle() throws Exception {
    Particle particle = ParticleSignature.sign(INIT, "p-2", 1_700_000_000_000L, 1000, "(null)");
    var buffer = ParticleCodec.encode(particle, 5);
    assertEquals(5, buffer.remaining());
    assertArrayEquals(
        ParticleCodec.encode(particle), Arrays.copyOf(buffer.array(), buffer.position()));
  }
}
