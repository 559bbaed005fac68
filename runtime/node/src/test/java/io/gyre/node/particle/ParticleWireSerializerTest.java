package io.gyre.node.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.particle.Particle;
import java.io.NotSerializableException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParticleWireSerializerTest {
  private final ParticleWireSerializer serializer = new ParticleWireSerializer();

  private static ParticleInbox.Deliver delivery() {
    byte[] data = new byte[70_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    return new ParticleInbox.Deliver(
        new Particle(
            "id-ü-1",
            "12D3KooWinit",
            1_700_000_000_000L,
            0xFFFF_FFFFL,
            "(call %init_peer_id% (\"svc\" \"f\") [\"héllo 🌍\"])",
            new byte[] {1, 2, 3},
            data),
        "12D3KooWfrom");
  }

  @Test
  void aDeliveryRoundTripsWithUnicodeAndLargeData() throws Exception {
    ParticleInbox.Deliver deliver = delivery();
    String manifest = serializer.manifest(deliver);
    assertEquals(deliver, serializer.fromBinary(serializer.toBinary(deliver), manifest));
  }

  @Test
  void emptyFieldsRoundTrip() throws Exception {
    var deliver =
        new ParticleInbox.Deliver(new Particle("", "", 0, 1, "", new byte[0], new byte[0]), "");
    assertEquals(deliver, serializer.fromBinary(serializer.toBinary(deliver), "D"));
  }

  @Test
  void bytesCutShortAreRefused() {
    byte[] bytes = serializer.toBinary(delivery());
    for (int length : new int[] {0, 1, 5, 40, bytes.length / 2, bytes.length - 1}) {
      byte[] cut = Arrays.copyOf(bytes, length);
      NotSerializableException e =
          assertThrows(NotSerializableException.class, () -> serializer.fromBinary(cut, "D"));
      assertTrue(
          e.getMessage().contains("cut short") || e.getMessage().contains("remain"),
          e.getMessage());
    }
  }

  @Test
  void anotherVersionTrailingBytesOrAnUnknownManifestAreRefused() {
    byte[] bytes = serializer.toBinary(delivery());
    byte[] version = bytes.clone();
    version[0] = 2;
    assertTrue(
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(version, "D"))
            .getMessage()
            .contains("version 2"));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertTrue(
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(longer, "D"))
            .getMessage()
            .contains("3 trailing bytes"));
    assertThrows(NotSerializableException.class, () -> serializer.fromBinary(bytes, "X"));
  }

  @Test
  void aNegativeOrHugeLengthIsRefusedWithoutAllocating() {
    byte[] bytes = serializer.toBinary(delivery());
    byte[] negative = bytes.clone();
    negative[1] = (byte) 0x80; // the id's length becomes negative
    assertThrows(NotSerializableException.class, () -> serializer.fromBinary(negative, "D"));
    byte[] huge = bytes.clone();
    huge[1] = 0x7F; // about 2 GB claimed
    assertThrows(NotSerializableException.class, () -> serializer.fromBinary(huge, "D"));
  }

  @Test
  void onlyDeliveriesAreItsBusiness() {
    assertThrows(IllegalArgumentException.class, () -> serializer.toBinary("not a delivery"));
    assertThrows(IllegalArgumentException.class, () -> serializer.manifest(42));
  }
}
