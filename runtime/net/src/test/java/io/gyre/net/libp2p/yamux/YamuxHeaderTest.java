package io.gyre.net.libp2p.yamux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.net.Hex;
import org.junit.jupiter.api.Test;

class YamuxHeaderTest {
  /**
   * Version 0, type, flags (16 bits), stream id, length: big-endian, as the Yamux spec lays out.
   */
  @Test
  void goldenHeaders() {
    assertEquals(
        "000100010000000100000000",
        Hex.of(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.SYN, 1, 0).encode()));
    assertEquals(
        "000000000000000200000005",
        Hex.of(new YamuxHeader(YamuxHeader.Type.DATA, 0, 2, 5).encode()));
    assertEquals(
        "000200020000000000000007",
        Hex.of(new YamuxHeader(YamuxHeader.Type.PING, YamuxHeader.ACK, 0, 7).encode()));
    assertEquals(
        "000300000000000000000001",
        Hex.of(
            new YamuxHeader(YamuxHeader.Type.GO_AWAY, 0, 0, YamuxHeader.PROTOCOL_ERROR).encode()));
    assertEquals(
        "000100080000000300040000",
        Hex.of(
            new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.RST, 3, 262144).encode()));
    YamuxHeader decoded = YamuxHeader.decode(Hex.bytes("0000000cffffffffffffffff"), 0);
    assertEquals(new YamuxHeader(YamuxHeader.Type.DATA, 12, 0xFFFFFFFFL, 0xFFFFFFFFL), decoded);
  }

  @Test
  void unknownVersionsAndTypesAreRefused() {
    assertEquals(
        "unsupported yamux version 1",
        assertThrows(
                YamuxException.class,
                () -> YamuxHeader.decode(Hex.bytes("010000000000000100000000"), 0))
            .getMessage());
    assertEquals(
        "unknown yamux frame type 4",
        assertThrows(
                YamuxException.class,
                () -> YamuxHeader.decode(Hex.bytes("000400000000000100000000"), 0))
            .getMessage());
  }
}
