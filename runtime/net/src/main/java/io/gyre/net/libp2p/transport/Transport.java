package io.gyre.net.libp2p.transport;

import io.gyre.net.Multiaddr;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A way to carry a connection's bytes (TCP, WebSocket). The transport builds the start of each
 * channel's pipeline, hands the channel to {@code setup} to add the rest, and fires {@link
 * TransportReady} once bytes may flow (at connect for TCP, after the HTTP upgrade for WebSocket).
 */
public interface Transport {
  /** Whether this transport can listen on and dial {@code address} (without its /p2p part). */
  boolean supports(Multiaddr address);

  /** Binds; completes with the server channel. */
  CompletableFuture<Channel> listen(Multiaddr address, Consumer<Channel> setup);

  /** The bound address of a server channel from {@link #listen}, e.g. with the actual port. */
  Multiaddr boundAddress(Channel server);

  /** Connects; completes with the channel once the socket is connected. */
  CompletableFuture<Channel> dial(Multiaddr address, Consumer<Channel> setup);

  /** The remote's and this side's addresses of a connection channel. */
  Multiaddr remoteAddress(Channel channel);

  Multiaddr localAddress(Channel channel);
}
