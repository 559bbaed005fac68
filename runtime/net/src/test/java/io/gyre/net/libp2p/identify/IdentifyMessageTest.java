package io.gyre.net.libp2p.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.identity.KeyPair;
import io.gyre.net.Hex;
import io.gyre.net.Multiaddr;
import io.gyre.net.libp2p.protobuf.ProtoWriter;
import io.gyre.net.libp2p.protobuf.ProtobufException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifyMessageTest {
  private final KeyPair alice = KeyPair.fromSeedName("alice");

  @Test
  void goldenEncoding() {
    IdentifyMessage message =
        new IdentifyMessage(
            alice.peerId(),
            "ipfs/0.1.0",
            "gyre",
            List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")),
            List.of("/ipfs/id/1.0.0"),
            Optional.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4002")));
    String expected =
        "0a24"
            + "080112"
            + "20"
            + Hex.of(alice.publicKey()) // publicKey = 1
            + "1208"
            + "047f000001060fa1" // listenAddrs = 2
            + "1a0e"
            + Hex.of("/ipfs/id/1.0.0".getBytes()) // protocols = 3
            + "2208"
            + "047f000001060fa2" // observedAddr = 4
            + "2a0a"
            + Hex.of("ipfs/0.1.0".getBytes()) // protocolVersion = 5
            + "3204"
            + Hex.of("gyre".getBytes()); // agentVersion = 6
    assertEquals(expected, Hex.of(message.encode()));
    assertEquals(message, IdentifyMessage.decode(message.encode()));
  }

  @Test
  void addressesGyreDoesNotSpeakAreSkippedAndUnknownFieldsIgnored() {
    byte[] bytes =
        new ProtoWriter()
            .bytes(1, io.gyre.net.libp2p.protobuf.PublicKeyMessage.encode(alice.peerId()))
            .bytes(2, Hex.bytes("047f000001910204d2cc03")) // /ip4/127.0.0.1/udp/1234/quic-v1
            .bytes(2, Multiaddr.parse("/ip4/10.0.0.1/tcp/1/ws").toBytes())
            .bytes(8, new byte[] {1, 2, 3}) // a signed peer record
            .toByteArray();
    IdentifyMessage message = IdentifyMessage.decode(bytes);
    assertEquals(List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/1/ws")), message.listenAddresses());
  }

  @Test
  void aMessageWithoutKeyIsRefused() {
    assertEquals(
        "identify message has no public key",
        assertThrows(
                ProtobufException.class,
                () -> IdentifyMessage.decode(new ProtoWriter().string(6, "x").toByteArray()))
            .getMessage());
    assertEquals(
        "field 9 has unsupported wire type 3",
        assertThrows(ProtobufException.class, () -> IdentifyMessage.decode(Hex.bytes("4b")))
            .getMessage());
  }
}
