package io.gyre.net.libp2p.noise;

import io.gyre.identity.KeyPair;

/**
 * One side's Noise credentials: its libp2p identity, its X25519 static key, and the handshake
 * payload binding the two — signed once, sent in every handshake.
 */
public record NoiseIdentity(KeyPair identity, X25519Keys staticKeys, byte[] payload) {
  public NoiseIdentity {
    payload = payload.clone();
  }

  /** A fresh static key for {@code identity}, signed by it. */
  public static NoiseIdentity create(KeyPair identity) {
    X25519Keys staticKeys = X25519Keys.generate();
    return new NoiseIdentity(
        identity, staticKeys, HandshakePayload.sign(identity, staticKeys.publicKey()).encode());
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
