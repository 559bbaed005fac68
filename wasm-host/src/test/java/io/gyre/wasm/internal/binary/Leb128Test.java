package io.gyre.wasm.internal.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** LEB128 as the rewriter writes and reads it. */
class Leb128Test {

  @Property
  void unsigned32RoundTrips(@ForAll int value) {
    byte[] bytes = new ByteSink().u32(Integer.toUnsignedLong(value)).toByteArray();
    WasmInput in = new WasmInput(bytes);
    assertEquals(value, in.u32());
    assertEquals(bytes.length, in.position());
  }

  @Property
  void signed64RoundTrips(@ForAll long value) {
    byte[] bytes = new ByteSink().s64(value).toByteArray();
    WasmInput in = new WasmInput(bytes);
    assertEquals(value, in.signed(64));
    assertEquals(bytes.length, in.position());
  }

  @Test
  void knownEncodings() {
    assertArrayEquals(
        new byte[] {(byte) 0xE5, (byte) 0x8E, 0x26}, new ByteSink().u32(624485).toByteArray());
    assertArrayEquals(
        new byte[] {(byte) 0xC0, (byte) 0xBB, 0x78}, new ByteSink().s64(-123456).toByteArray());
    assertArrayEquals(new byte[] {0x7F}, new ByteSink().s64(-1).toByteArray());
    assertArrayEquals(new byte[] {(byte) 0xC0, 0x00}, new ByteSink().s64(64).toByteArray());
  }

  @Test
  void overlongAndTruncatedIntegersAreMalformed() {
    byte[] overlong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
    assertThrows(MalformedWasmException.class, () -> new WasmInput(overlong).u32());
    byte[] truncated = {(byte) 0x80};
    MalformedWasmException e =
        assertThrows(MalformedWasmException.class, () -> new WasmInput(truncated).u32());
    assertEquals("unexpected end of data at byte offset 1", e.getMessage());
  }
}
