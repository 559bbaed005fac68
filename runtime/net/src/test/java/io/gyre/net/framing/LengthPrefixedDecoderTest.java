package io.gyre.net.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.net.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LengthPrefixedDecoderTest {
  @Test
  void goldenEncoding() {
    assertEquals("03616263", Hex.of(LengthPrefixedDecoder.encode("abc".getBytes())));
    assertEquals("00", Hex.of(LengthPrefixedDecoder.encode(new byte[0])));
    assertEquals("8001", Hex.of(LengthPrefixedDecoder.encode(new byte[128])).substring(0, 4));
  }

  @Test
  void messagesSplitAcrossChunksComeOutWhole() {
    LengthPrefixedDecoder decoder = new LengthPrefixedDecoder(1024);
    assertTrue(decoder.feed(Hex.bytes("0361")).isEmpty());
    assertTrue(decoder.hasPartial());
    List<byte[]> out = decoder.feed(Hex.bytes("626302"));
    assertEquals(1, out.size());
    assertArrayEquals("abc".getBytes(), out.get(0));
    out = decoder.feed(Hex.bytes("7879"));
    assertArrayEquals("xy".getBytes(), out.get(0));
  }

  @Test
  void anOversizeMessageIsRefusedFromItsPrefix() {
    LengthPrefixedDecoder decoder = new LengthPrefixedDecoder(100);
    FramingException e =
        assertThrows(FramingException.class, () -> decoder.feed(Hex.bytes("e807")));
    assertEquals("message of 1000 bytes exceeds the limit of 100 bytes", e.getMessage());
  }

  @Test
  void aMalformedPrefixIsRefused() {
    LengthPrefixedDecoder decoder = new LengthPrefixedDecoder(100);
    FramingException e =
        assertThrows(FramingException.class, () -> decoder.feed(Hex.bytes("8000")));
    assertEquals("malformed length prefix: varint is not in its shortest form", e.getMessage());
  }

  @Property
  void anyChunkingGivesTheSameMessages(
      @ForAll @Size(max = 8) List<@Size(max = 300) byte[]> messages,
      @ForAll @IntRange(min = 1, max = 50) int chunk) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    messages.forEach(m -> wire.writeBytes(LengthPrefixedDecoder.encode(m)));
    byte[] bytes = wire.toByteArray();
    LengthPrefixedDecoder decoder = new LengthPrefixedDecoder(300);
    List<byte[]> out = new ArrayList<>();
    for (int at = 0; at < bytes.length; at += chunk) {
      out.addAll(
          decoder.feed(
              java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
    }
    assertEquals(messages.size(), out.size());
    for (int i = 0; i < messages.size(); i++) {
      assertArrayEquals(messages.get(i), out.get(i));
    }
  }
}
