package io.gyre.net.libp2p.config;

import java.time.Duration;

/**
 * Timeouts and limits of a {@link io.gyre.net.libp2p.Libp2pHost}. Start from {@link #defaults()}
 * and change what you need with the {@code with…} methods.
 *
 * @param handshakeTimeout from the socket's opening to a multiplexed connection (multistream,
 *     Noise, Yamux); a slower (stalled) handshake is closed
 * @param streamNegotiationTimeout for a stream's multistream-select exchange
 * @param keepAliveInterval how often a Yamux ping is sent on each connection
 * @param keepAliveTimeout how long a ping may go unanswered before the connection counts as
 *     half-open and is closed
 * @param maxStreamsPerConnection open streams on one connection; the remote's extra ones are reset
 * @param maxInboundConnections secured inbound connections at once; extra ones are closed
 * @param maxWebSocketFrame the largest WebSocket frame payload accepted
 * @param ioThreads Netty event-loop threads (all connections share them)
 * @param agentVersion what identify tells about this software
 */
public record HostOptions(
    Duration handshakeTimeout,
    Duration streamNegotiationTimeout,
    Duration keepAliveInterval,
    Duration keepAliveTimeout,
    int maxStreamsPerConnection,
    int maxInboundConnections,
    int maxWebSocketFrame,
    int ioThreads,
    String agentVersion) {

  public HostOptions {
    positive(handshakeTimeout, "handshakeTimeout");
    positive(streamNegotiationTimeout, "streamNegotiationTimeout");
    positive(keepAliveInterval, "keepAliveInterval");
    positive(keepAliveTimeout, "keepAliveTimeout");
    if (maxStreamsPerConnection < 1 || maxInboundConnections < 1 || ioThreads < 1) {
      throw new IllegalArgumentException("stream, connection and thread counts must be at least 1");
    }
    if (maxWebSocketFrame < 65_536) {
      throw new IllegalArgumentException("maxWebSocketFrame must be at least 65536 bytes");
    }
  }

  public static HostOptions defaults() {
    return new HostOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        1024,
        1024,
        1 << 20,
        2,
        "gyre/0.1.0");
  }

  public HostOptions withHandshakeTimeout(Duration value) {
    return new HostOptions(
        value,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        maxWebSocketFrame,
        ioThreads,
        agentVersion);
  }

  public HostOptions withStreamNegotiationTimeout(Duration value) {
    return new HostOptions(
        handshakeTimeout,
        value,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        maxWebSocketFrame,
        ioThreads,
        agentVersion);
  }

  public HostOptions withKeepAlive(Duration interval, Duration timeout) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        interval,
        timeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        maxWebSocketFrame,
        ioThreads,
        agentVersion);
  }

  public HostOptions withMaxStreamsPerConnection(int value) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        value,
        maxInboundConnections,
        maxWebSocketFrame,
        ioThreads,
        agentVersion);
  }

  public HostOptions withMaxInboundConnections(int value) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        value,
        maxWebSocketFrame,
        ioThreads,
        agentVersion);
  }

  public HostOptions withMaxWebSocketFrame(int value) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        value,
        ioThreads,
        agentVersion);
  }

  public HostOptions withIoThreads(int value) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        maxWebSocketFrame,
        value,
        agentVersion);
  }

  public HostOptions withAgentVersion(String value) {
    return new HostOptions(
        handshakeTimeout,
        streamNegotiationTimeout,
        keepAliveInterval,
        keepAliveTimeout,
        maxStreamsPerConnection,
        maxInboundConnections,
        maxWebSocketFrame,
        ioThreads,
        value);
  }

  private static void positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
  }
}
