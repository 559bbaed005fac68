package io.gyre.node.access;

/**
 * Who asks a peer to act. The operator (the HTTP token's holder) acts as the peer's own identity;
 * clients and other peers act only as the identity that signs their particles (the libp2p listener
 * and the SDK bring those), so a {@code Client} never gets the peer's rights.
 */
public sealed interface Caller {
  /** The peer id the caller's actions are made as (and services it deploys are owned by). */
  String actsAs();

  /** The peer's operator, through the HTTP API's bearer token. */
  record Operator(String peerId) implements Caller {
    @Override
    public String actsAs() {
      return peerId;
    }
  }

  /** Anyone with their own key: what they do is signed by, and owned by, that key. */
  record Client(String peerId) implements Caller {
    @Override
    public String actsAs() {
      return peerId;
    }
  }
}
