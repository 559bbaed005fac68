package io.gyre.net.libp2p.noise;

import io.gyre.identity.PeerId;
import java.util.Optional;

/**
 * libp2p's Noise handshake ({@code /noise}) on top of {@link XXHandshake}: the initiator's first
 * message carries no payload; the responder's and then the initiator's carry a signed {@link
 * HandshakePayload}, checked against the static key the same message revealed. Pure: it takes and
 * returns handshake messages (without their 2-byte length prefix).
 */
public final class NoiseSession {
  private final XXHandshake handshake;
  private final byte[] payload;
  private PeerId remotePeer;

  private NoiseSession(XXHandshake handshake, NoiseIdentity identity) {
    this.handshake = handshake;
    this.payload = identity.payload();
  }

  public static NoiseSession initiator(NoiseIdentity identity) {
    return new NoiseSession(XXHandshake.initiator(identity.staticKeys()), identity);
  }

  public static NoiseSession responder(NoiseIdentity identity) {
    return new NoiseSession(XXHandshake.responder(identity.staticKeys()), identity);
  }

  /** The initiator's first message; empty for the responder, who speaks second. */
  public Optional<byte[]> start() {
    return handshake.isInitiator()
        ? Optional.of(handshake.writeMessage(new byte[0]))
        : Optional.empty();
  }

  /**
   * Takes the remote's next handshake message; returns the reply to send, if any.
   *
   * @throws NoiseException on a malformed or forged message or identity
   */
  public Optional<byte[]> onMessage(byte[] message) {
    byte[] remotePayload = handshake.readMessage(message);
    if (handshake.isInitiator()) {
      remotePeer = HandshakePayload.decode(remotePayload).verify(handshake.remoteStaticKey());
      return Optional.of(handshake.writeMessage(payload));
    }
    if (!handshake.isComplete()) {
      return Optional.of(handshake.writeMessage(payload));
    }
    remotePeer = HandshakePayload.decode(remotePayload).verify(handshake.remoteStaticKey());
    return Optional.empty();
  }

  public boolean isComplete() {
    return handshake.isComplete();
  }

  /** The remote's proven identity, once the handshake is complete. */
  public PeerId remotePeer() {
    if (remotePeer == null || !isComplete()) {
      throw new IllegalStateException("the Noise handshake is not complete");
    }
    return remotePeer;
  }

  public XXHandshake.TransportCiphers split() {
    return handshake.split();
  }
}
