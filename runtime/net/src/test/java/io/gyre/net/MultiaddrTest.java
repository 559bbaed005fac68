package io.gyre.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultiaddrTest {
  private static final PeerId PEER = KeyPair.fromSeedName("alice").peerId();

  /** Binary forms as the multiaddr spec lays them out (codes from its protocol table). */
  @Test
  void goldenBinaryForms() {
    assertEquals("047f000001060fa1", Hex.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001").toBytes()));
    assertEquals(
        "2900000000000000000000000000000001061ce8dd03",
        Hex.of(Multiaddr.parse("/ip6/::1/tcp/7400/ws").toBytes()));
    assertEquals(
        "35096c6f63616c686f7374061ce9dd03",
        Hex.of(Multiaddr.parse("/dns/localhost/tcp/7401/ws").toBytes()));
    byte[] p2p = Multiaddr.parse("/p2p/" + PEER).toBytes();
    assertEquals("a50326002408011220" + Hex.of(PEER.publicKey()), Hex.of(p2p));
    assertEquals("/p2p/" + PEER, Multiaddr.fromBytes(p2p).toString());
    assertEquals(
        "/ip4/127.0.0.1/tcp/4001", Multiaddr.fromBytes(Hex.bytes("047f000001060fa1")).toString());
  }

  @Test
  void textIsCanonical() {
    assertEquals("/ip6/::1/tcp/1", Multiaddr.parse("/ip6/0:0:0:0:0:0:0:1/tcp/1").toString());
    assertEquals("/ip6/2001:db8::1:0:0:1", Multiaddr.parse("/ip6/2001:DB8:0:0:1:0:0:1").toString());
    assertEquals("/p2p/" + PEER, Multiaddr.parse("/ipfs/" + PEER).toString());
    assertEquals("/ip4/1.2.3.4/tcp/80", Multiaddr.parse("/ip4/1.2.3.4/tcp/80/").toString());
  }

  @Test
  void peerIdHelpers() {
    Multiaddr address = Multiaddr.parse("/ip4/127.0.0.1/tcp/7400/ws/p2p/" + PEER);
    assertEquals(PEER, address.peerId().orElseThrow());
    assertEquals("/ip4/127.0.0.1/tcp/7400/ws", address.withoutPeerId().toString());
    assertEquals(address, address.withoutPeerId().withPeerId(PEER));
  }

  @Test
  void badTextNamesTheProblem() {
    assertEquals(
        "multiaddr '/ip4/256.0.0.1/tcp/1': '256.0.0.1' is not an IPv4 address",
        assertThrows(InvalidMultiaddrException.class, () -> Multiaddr.parse("/ip4/256.0.0.1/tcp/1"))
            .getMessage());
    assertEquals(
        "multiaddr '/ip4/1.2.3.4/tcp/70000': TCP port 70000 is above 65535",
        assertThrows(
                InvalidMultiaddrException.class, () -> Multiaddr.parse("/ip4/1.2.3.4/tcp/70000"))
            .getMessage());
    assertEquals(
        "multiaddr '/quic/1': unknown protocol 'quic'",
        assertThrows(InvalidMultiaddrException.class, () -> Multiaddr.parse("/quic/1"))
            .getMessage());
    assertEquals(
        "multiaddr '/ip4/1.2.3.4/tcp': /tcp needs a value",
        assertThrows(InvalidMultiaddrException.class, () -> Multiaddr.parse("/ip4/1.2.3.4/tcp"))
            .getMessage());
    assertEquals(
        "multiaddr 'ip4/1.2.3.4' does not start with '/'",
        assertThrows(InvalidMultiaddrException.class, () -> Multiaddr.parse("ip4/1.2.3.4"))
            .getMessage());
    assertEquals(
        "multiaddr '/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N': "
            + "'QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N' is not an Ed25519 peer id",
        assertThrows(
                InvalidMultiaddrException.class,
                () -> Multiaddr.parse("/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"))
            .getMessage());
  }

  @Test
  void badBinaryNamesTheProblem() {
    assertEquals(
        "unknown multiaddr protocol code 273",
        assertThrows(
                InvalidMultiaddrException.class, () -> Multiaddr.fromBytes(Hex.bytes("910204d2")))
            .getMessage());
    assertEquals(
        "binary multiaddr ends inside /ip4",
        assertThrows(
                InvalidMultiaddrException.class, () -> Multiaddr.fromBytes(Hex.bytes("047f00")))
            .getMessage());
    assertEquals(
        "binary multiaddr ends inside /dns (9 bytes announced)",
        assertThrows(
                InvalidMultiaddrException.class, () -> Multiaddr.fromBytes(Hex.bytes("35096c6f")))
            .getMessage());
    assertEquals(
        "binary multiaddr is empty",
        assertThrows(InvalidMultiaddrException.class, () -> Multiaddr.fromBytes(new byte[0]))
            .getMessage());
  }

  @Property
  void textAndBinaryRoundTrip(
      @ForAll @IntRange(min = 0, max = 255) int a,
      @ForAll @IntRange(min = 0, max = 255) int d,
      @ForAll @IntRange(min = 0, max = 65535) int port,
      @ForAll boolean ws) {
    Multiaddr address =
        Multiaddr.parse(
            "/ip4/" + a + ".0.0." + d + "/tcp/" + port + (ws ? "/ws" : "") + "/p2p/" + PEER);
    assertEquals(address, Multiaddr.fromBytes(address.toBytes()));
    assertEquals(address, Multiaddr.parse(address.toString()));
  }
}
