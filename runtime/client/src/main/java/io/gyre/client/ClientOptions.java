package io.gyre.client;

import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link GyreClient} connects and calls. Start from {@link #of} and change what you need.
 *
 * @param relays peers to use as the relay, in order of preference: the first that answers; when its
 *     connection drops, the next ones in turn (each a multiaddr such as {@code
 *     /ip4/127.0.0.1/tcp/7400/p2p/12D3KooW…}; without {@code /p2p/} any identity is accepted)
 * @param key the client's own identity: it signs the client's particles and is its peer id
 * @param ttl a call's default time to live
 * @param connectTimeout how long one relay may take to answer a connection
 * @param maxBackoff the longest wait between two reconnection attempts
 * @param maxParticleBytes the largest particle (script and data) the client sends or takes; keep it
 *     at most the relay's {@code gyre.node.client.max-particle-bytes} (16 MiB by default)
 * @param maxLiveParticles particles of others the client holds at once (more are dropped)
 */
public record ClientOptions(
    List<Multiaddr> relays,
    KeyPair key,
    Duration ttl,
    Duration connectTimeout,
    Duration maxBackoff,
    int maxParticleBytes,
    int maxLiveParticles) {

  public ClientOptions {
    relays = List.copyOf(relays);
    if (relays.isEmpty()) {
      throw new IllegalArgumentException("a client needs at least one relay");
    }
    if (ttl.toMillis() <= 0 || ttl.toMillis() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a TTL is 1..4294967295 ms, not " + ttl.toMillis());
    }
    if (maxParticleBytes < 1 || maxLiveParticles < 1) {
      throw new IllegalArgumentException("particle limits must be positive");
    }
  }

  /** Defaults: TTL 30 s, 10 s to connect, back-off up to 10 s, 16 MiB particles, 10,000 held. */
  public static ClientOptions of(List<Multiaddr> relays, KeyPair key) {
    return new ClientOptions(
        relays,
        key,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        16 << 20,
        10_000);
  }

  public ClientOptions withTtl(Duration value) {
    return new ClientOptions(
        relays, key, value, connectTimeout, maxBackoff, maxParticleBytes, maxLiveParticles);
  }

  public ClientOptions withConnectTimeout(Duration value) {
    return new ClientOptions(
        relays, key, ttl, value, maxBackoff, maxParticleBytes, maxLiveParticles);
  }

  public ClientOptions withMaxParticleBytes(int value) {
    return new ClientOptions(relays, key, ttl, connectTimeout, maxBackoff, value, maxLiveParticles);
  }

  public ClientOptions withMaxBackoff(Duration value) {
    return new ClientOptions(
        relays, key, ttl, connectTimeout, value, maxParticleBytes, maxLiveParticles);
  }
}
