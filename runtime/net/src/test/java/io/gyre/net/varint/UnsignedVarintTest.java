package io.gyre.net.varint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.net.Hex;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UnsignedVarintTest {
  /** The examples of the multiformats unsigned-varint spec. */
  @Test
  void specExamples() {
    assertEquals("01", Hex.of(UnsignedVarint.encode(1)));
    assertEquals("7f", Hex.of(UnsignedVarint.encode(127)));
    assertEquals("8001", Hex.of(UnsignedVarint.encode(128)));
    assertEquals("ff01", Hex.of(UnsignedVarint.encode(255)));
    assertEquals("ac02", Hex.of(UnsignedVarint.encode(300)));
    assertEquals("808001", Hex.of(UnsignedVarint.encode(16384)));
    assertEquals(300, UnsignedVarint.readFully(ByteBuffer.wrap(Hex.bytes("ac02"))));
  }

  @Test
  void refusesNonMinimalAndOverlongForms() {
    VarintException notMinimal =
        assertThrows(
            VarintException.class, () -> UnsignedVarint.read(ByteBuffer.wrap(Hex.bytes("8100"))));
    assertEquals("varint is not in its shortest form", notMinimal.getMessage());
    VarintException tooLong =
        assertThrows(
            VarintException.class,
            () -> UnsignedVarint.read(ByteBuffer.wrap(Hex.bytes("ffffffffffffffffff01"))));
    assertEquals("varint is longer than 9 bytes", tooLong.getMessage());
  }

  @Test
  void anIncompleteVarintWaitsForMoreBytes() {
    ByteBuffer in = ByteBuffer.wrap(Hex.bytes("8080"));
    assertEquals(-1, UnsignedVarint.read(in));
    assertEquals(0, in.position());
    assertThrows(
        VarintException.class, () -> UnsignedVarint.readFully(ByteBuffer.wrap(Hex.bytes("80"))));
  }

  @Property
  void roundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) {
    byte[] encoded = UnsignedVarint.encode(value);
    assertEquals(UnsignedVarint.size(value), encoded.length);
    assertEquals(value, UnsignedVarint.readFully(ByteBuffer.wrap(encoded)));
  }
}
