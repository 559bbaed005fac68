package io.gyre.air;

import io.gyre.identity.KeyPair;

/**
 * What one interpreter run knows about where and when it runs: the current peer (its key signs what
 * this run adds) and the particle's id, init peer, timestamp and TTL. {@code nowMs} is the caller's
 * clock, against which TTL expiry is checked (virtual time in the simulator).
 */
public record RunContext(
    KeyPair peerKey,
    String particleId,
    String initPeerId,
    long timestampMs,
    long ttlMs,
    long nowMs) {

  public String currentPeerId() {
    return peerKey.peerId().base58();
  }

  public boolean expired() {
    return nowMs > timestampMs + ttlMs;
  }
}
