package io.gyre.net.libp2p.multistream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.net.Hex;
import io.gyre.net.ProtocolNotSupportedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultistreamTest {
  /** The wire form from the multistream-select spec: uvarint length, text, newline. */
  @Test
  void goldenMessages() {
    assertEquals(
        "13" + Hex.of("/multistream/1.0.0\n".getBytes()),
        Hex.of(MultistreamCodec.encode("/multistream/1.0.0")));
    assertEquals("036e610a", Hex.of(MultistreamCodec.encode("na")));
    assertEquals("07" + Hex.of("/noise\n".getBytes()), Hex.of(MultistreamCodec.encode("/noise")));
  }

  @Test
  void dialerAndListenerAgree() {
    MultistreamNegotiation dialer = MultistreamNegotiation.dialer(List.of("/yamux/1.0.0"));
    MultistreamNegotiation listener =
        MultistreamNegotiation.listener(Set.of("/yamux/1.0.0")::contains);
    MultistreamCodec toListener = new MultistreamCodec();
    MultistreamCodec toDialer = new MultistreamCodec();

    List<String> proposals = toListener.feed(dialer.start(), 10);
    assertEquals(List.of("/multistream/1.0.0", "/yamux/1.0.0"), proposals);
    List<String> answers = toDialer.feed(listener.start(), 10);
    for (String proposal : proposals) {
      byte[] reply = listener.onMessage(proposal).reply();
      answers = concat(answers, toDialer.feed(reply, 10));
    }
    assertEquals(Optional.of("/yamux/1.0.0"), listener.selected());
    assertEquals(List.of("/multistream/1.0.0", "/yamux/1.0.0"), answers);
    answers.forEach(dialer::onMessage);
    assertEquals(Optional.of("/yamux/1.0.0"), dialer.selected());
  }

  @Test
  void dialerTriesItsNextProposalAfterNa() {
    MultistreamNegotiation dialer = MultistreamNegotiation.dialer(List.of("/a", "/b"));
    dialer.start();
    dialer.onMessage("/multistream/1.0.0");
    assertArrayEquals(MultistreamCodec.encode("/b"), dialer.onMessage("na").reply());
    assertEquals(Optional.of("/b"), dialer.onMessage("/b").selected());
  }

  @Test
  void dialerFailsWhenNothingIsSupported() {
    MultistreamNegotiation dialer = MultistreamNegotiation.dialer(List.of("/gyre/particle/1.0.0"));
    dialer.onMessage("/multistream/1.0.0");
    ProtocolNotSupportedException e =
        assertThrows(ProtocolNotSupportedException.class, () -> dialer.onMessage("na"));
    assertEquals("/gyre/particle/1.0.0", e.protocol());
  }

  @Test
  void listenerRefusesUnknownProtocolsAndLs() {
    MultistreamNegotiation listener = MultistreamNegotiation.listener(p -> p.equals("/noise"));
    listener.onMessage("/multistream/1.0.0");
    assertArrayEquals(MultistreamCodec.encode("na"), listener.onMessage("/tls/1.0.0").reply());
    assertArrayEquals(MultistreamCodec.encode("na"), listener.onMessage("ls").reply());
    assertEquals(Optional.of("/noise"), listener.onMessage("/noise").selected());
  }

  @Test
  void malformedExchangesAreRefusedWithTheReason() {
    MultistreamNegotiation listener = MultistreamNegotiation.listener(p -> true);
    assertEquals(
        "multistream: expected /multistream/1.0.0, got 'GET / HTTP/1.1'",
        assertThrows(MultistreamException.class, () -> listener.onMessage("GET / HTTP/1.1"))
            .getMessage());
    MultistreamCodec codec = new MultistreamCodec();
    assertEquals(
        "multistream: message does not end with a newline",
        assertThrows(MultistreamException.class, () -> codec.feed(Hex.bytes("03616263"), 1))
            .getMessage());
    assertEquals(
        "multistream: message of 100000 bytes exceeds 1024 bytes",
        assertThrows(
                MultistreamException.class,
                () -> new MultistreamCodec().feed(Hex.bytes("a08d06"), 1))
            .getMessage());
    assertEquals(
        "multistream: empty message",
        assertThrows(
                MultistreamException.class, () -> new MultistreamCodec().feed(Hex.bytes("00"), 1))
            .getMessage());
  }

  @Test
  void bytesAfterTheLastMessageAreKeptForTheNextProtocol() {
    MultistreamCodec codec = new MultistreamCodec();
    byte[] wire = MultistreamCodec.encode("/multistream/1.0.0", "/noise");
    byte[] withData = java.util.Arrays.copyOf(wire, wire.length + 3);
    withData[wire.length] = 1;
    withData[wire.length + 1] = 2;
    withData[wire.length + 2] = 3;
    assertEquals(List.of("/multistream/1.0.0"), codec.feed(withData, 1));
    assertEquals(List.of("/noise"), codec.feed(new byte[0], 1));
    assertArrayEquals(new byte[] {1, 2, 3}, codec.drain());
    assertTrue(codec.feed(new byte[0], 1).isEmpty());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
