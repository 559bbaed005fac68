package io.gyre.net.libp2p.noise;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.libp2p.protobuf.ProtoReader;
import io.gyre.net.libp2p.protobuf.ProtoWriter;
import io.gyre.net.libp2p.protobuf.ProtobufException;
import io.gyre.net.libp2p.protobuf.PublicKeyMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * libp2p's {@code NoiseHandshakePayload{identity_key = 1, identity_sig = 2, extensions = 4}}: the
 * identity key (protobuf {@code PublicKey}) and its signature over {@code
 * "noise-libp2p-static-key:" ‖ the Noise static key}, which binds the peer id to the session.
 * Extensions are read past and never sent (muxers are then negotiated with multistream-select).
 */
public record HandshakePayload(byte[] identityKey, byte[] identitySignature) {
  static final byte[] SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

  public HandshakePayload {
    identityKey = identityKey.clone();
    identitySignature = identitySignature.clone();
  }

  /** This side's payload: its identity key signing its Noise static key. */
  public static HandshakePayload sign(KeyPair identity, byte[] staticPublicKey) {
    return new HandshakePayload(
        PublicKeyMessage.encode(identity.peerId()), identity.sign(signedBytes(staticPublicKey)));
  }

  public byte[] encode() {
    return new ProtoWriter().bytes(1, identityKey).bytes(2, identitySignature).toByteArray();
  }

  /**
   * @throws NoiseException when the payload is malformed or misses a field
   */
  public static HandshakePayload decode(byte[] bytes) {
    byte[] key = null;
    byte[] signature = null;
    try {
      ProtoReader reader = new ProtoReader(bytes);
      while (reader.next()) {
        switch (reader.field()) {
          case 1 -> key = reader.bytes();
          case 2 -> signature = reader.bytes();
          default -> reader.skip();
        }
      }
    } catch (ProtobufException e) {
      throw new NoiseException("malformed handshake payload: " + e.getMessage());
    }
    if (key == null || signature == null) {
      throw new NoiseException(
          "handshake payload lacks " + (key == null ? "identity_key" : "identity_sig"));
    }
    return new HandshakePayload(key, signature);
  }

  /**
   * Checks the signature against the remote's Noise static key and returns the proven peer id.
   *
   * @throws NoiseException when the key is not Ed25519 or the signature does not verify
   */
  public PeerId verify(byte[] remoteStaticKey) {
    PeerId peer;
    try {
      peer = PublicKeyMessage.decode(identityKey);
    } catch (ProtobufException e) {
      throw new NoiseException("handshake identity key: " + e.getMessage());
    }
    if (!KeyPair.verify(peer.publicKey(), signedBytes(remoteStaticKey), identitySignature)) {
      throw new NoiseException(
          "identity signature of " + peer + " does not match its Noise static key");
    }
    return peer;
  }

  private static byte[] signedBytes(byte[] staticPublicKey) {
    byte[] out = Arrays.copyOf(SIGNATURE_PREFIX, SIGNATURE_PREFIX.length + staticPublicKey.length);
    System.arraycopy(staticPublicKey, 0, out, SIGNATURE_PREFIX.length, staticPublicKey.length);
    return out;
  }
}
