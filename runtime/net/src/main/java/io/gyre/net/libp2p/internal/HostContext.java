package io.gyre.net.libp2p.internal;

import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Direction;
import io.gyre.net.libp2p.config.HostOptions;
import io.gyre.net.libp2p.noise.NoiseIdentity;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection of one host shares: identity, Noise static key, options, protocol handlers,
 * listeners, and the registry of open channels and connections (so close() can reach them all and
 * tests can count them).
 */
public final class HostContext {
  private static final Logger log = LoggerFactory.getLogger(HostContext.class);

  private final KeyPair identity;
  private final NoiseIdentity noise;
  private final HostOptions options;
  private final Protocols protocols = new Protocols();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private final Set<Libp2pConnection> connections = ConcurrentHashMap.newKeySet();

  public HostContext(KeyPair identity, HostOptions options) {
    this.identity = identity;
    this.options = options;
    this.noise = NoiseIdentity.create(identity);
  }

  public KeyPair identity() {
    return identity;
  }

  NoiseIdentity noise() {
    return noise;
  }

  public HostOptions options() {
    return options;
  }

  public Protocols protocols() {
    return protocols;
  }

  public List<ConnectionListener> listeners() {
    return listeners;
  }

  /** Every connection channel, from accept or connect to close (handshakes included). */
  public Set<Channel> channels() {
    return channels;
  }

  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  int inboundChannels() {
    return (int) channels.stream().filter(c -> c.parent() != null).count();
  }

  public int openStreams() {
    return connections.stream().mapToInt(Libp2pConnection::openStreams).sum();
  }

  void opened(Libp2pConnection connection) {
    connections.add(connection);
    for (ConnectionListener listener : listeners) {
      try {
        listener.opened(connection);
      } catch (RuntimeException e) {
        log.warn("connection listener failed on opened({}): {}", connection, e.toString());
      }
    }
  }

  void closed(Libp2pConnection connection) {
    if (!connections.remove(connection)) {
      return;
    }
    for (ConnectionListener listener : listeners) {
      try {
        listener.closed(connection);
      } catch (RuntimeException e) {
        log.warn("connection listener failed on closed({}): {}", connection, e.toString());
      }
    }
  }

  static Direction direction(Channel channel) {
    return channel.parent() != null ? Direction.INBOUND : Direction.OUTBOUND;
  }
}
