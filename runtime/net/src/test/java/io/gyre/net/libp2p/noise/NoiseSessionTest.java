package io.gyre.net.libp2p.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.net.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseSessionTest {
  private final KeyPair alice = KeyPair.fromSeedName("alice");
  private final KeyPair bob = KeyPair.fromSeedName("bob");

  @Test
  void bothSidesProveTheirIdentityAndShareTransportKeys() {
    NoiseSession initiator = NoiseSession.initiator(NoiseIdentity.create(alice));
    NoiseSession responder = NoiseSession.responder(NoiseIdentity.create(bob));

    byte[] first = initiator.start().orElseThrow();
    assertEquals(32, first.length, "message 1 is the bare ephemeral key (empty payload)");
    assertTrue(responder.start().isEmpty());
    byte[] second = responder.onMessage(first).orElseThrow();
    byte[] third = initiator.onMessage(second).orElseThrow();
    assertTrue(responder.onMessage(third).isEmpty());

    assertTrue(initiator.isComplete() && responder.isComplete());
    assertEquals(bob.peerId(), initiator.remotePeer());
    assertEquals(alice.peerId(), responder.remotePeer());

    XXHandshake.TransportCiphers a = initiator.split();
    XXHandshake.TransportCiphers b = responder.split();
    byte[] hello = "hello".getBytes();
    assertArrayEquals(
        hello,
        b.receiver().decryptWithAd(new byte[0], a.sender().encryptWithAd(new byte[0], hello)));
    assertArrayEquals(
        hello,
        a.receiver().decryptWithAd(new byte[0], b.sender().encryptWithAd(new byte[0], hello)));
  }

  @Test
  void aTamperedMessageFailsItsTag() {
    NoiseSession initiator = NoiseSession.initiator(NoiseIdentity.create(alice));
    NoiseSession responder = NoiseSession.responder(NoiseIdentity.create(bob));
    byte[] second = responder.onMessage(initiator.start().orElseThrow()).orElseThrow();
    second[40] ^= 1; // inside the encrypted static key
    NoiseException e = assertThrows(NoiseException.class, () -> initiator.onMessage(second));
    assertEquals("authentication tag does not match", e.getMessage());
  }

  @Test
  void aShortMessageIsRefused() {
    NoiseSession responder = NoiseSession.responder(NoiseIdentity.create(bob));
    NoiseException e = assertThrows(NoiseException.class, () -> responder.onMessage(new byte[10]));
    assertEquals("handshake message 1 has 10 bytes, expected at least 32", e.getMessage());
  }

  @Test
  void aPayloadSignedForAnotherStaticKeyIsRefused() {
    byte[] staticKey = X25519Keys.generate().publicKey();
    HandshakePayload forged = HandshakePayload.sign(alice, X25519Keys.generate().publicKey());
    NoiseException e = assertThrows(NoiseException.class, () -> forged.verify(staticKey));
    assertEquals(
        "identity signature of " + alice.peerId() + " does not match its Noise static key",
        e.getMessage());
  }

  /** NoiseHandshakePayload{identity_key = PublicKey{Type = Ed25519, Data}, identity_sig}. */
  @Test
  void goldenPayloadEncoding() {
    HandshakePayload payload = HandshakePayload.sign(alice, new byte[32]);
    byte[] encoded = payload.encode();
    String key = Hex.of(alice.publicKey());
    assertEquals("0a24080112" + "20" + key + "1240", Hex.of(Arrays.copyOf(encoded, 2 + 36 + 2)));
    assertEquals(2 + 36 + 2 + 64, encoded.length);
    assertEquals(alice.peerId(), HandshakePayload.decode(encoded).verify(new byte[32]));
  }

  @Test
  void malformedPayloadsAreRefused() {
    assertEquals(
        "handshake payload lacks identity_sig",
        assertThrows(NoiseException.class, () -> HandshakePayload.decode(Hex.bytes("0a00")))
            .getMessage());
    assertEquals(
        "malformed handshake payload: field 1 announces 5 bytes, 1 remain",
        assertThrows(NoiseException.class, () -> HandshakePayload.decode(Hex.bytes("0a0501")))
            .getMessage());
    // PublicKey{Type = Secp256k1 (2)}
    HandshakePayload secp = HandshakePayload.decode(Hex.bytes("0a0408021200" + "1200"));
    assertEquals(
        "handshake identity key: public key type 2 is not Ed25519 (1)",
        assertThrows(NoiseException.class, () -> secp.verify(new byte[32])).getMessage());
  }
}
