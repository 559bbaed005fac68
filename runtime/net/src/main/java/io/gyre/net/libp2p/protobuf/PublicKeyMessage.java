package io.gyre.net.libp2p.protobuf;

import io.gyre.identity.PeerId;

/**
 * libp2p's {@code PublicKey{KeyType Type = 1; bytes Data = 2}} for Ed25519 ({@code Type = 1}), as
 * the Noise handshake payload and identify carry it. Other key types are refused: Gyre's peers and
 * clients are Ed25519 only.
 */
public final class PublicKeyMessage {
  private static final int ED25519 = 1;

  private PublicKeyMessage() {}

  public static byte[] encode(PeerId peer) {
    return new ProtoWriter().varint(1, ED25519).bytes(2, peer.publicKey()).toByteArray();
  }

  /**
   * Reads the key and returns its peer id.
   *
   * @throws ProtobufException when the message is malformed, not Ed25519, or not 32 bytes
   */
  public static PeerId decode(byte[] bytes) {
    ProtoReader reader = new ProtoReader(bytes);
    long type = -1;
    byte[] data = null;
    while (reader.next()) {
      switch (reader.field()) {
        case 1 -> type = reader.varint();
        case 2 -> data = reader.bytes();
        default -> reader.skip();
      }
    }
    if (type != ED25519) {
      throw new ProtobufException(
          type < 0 ? "public key has no type" : "public key type " + type + " is not Ed25519 (1)");
    }
    if (data == null || data.length != 32) {
      throw new ProtobufException(
          "an Ed25519 public key has 32 bytes, not " + (data == null ? 0 : data.length));
    }
    return PeerId.fromPublicKey(data);
  }
}
