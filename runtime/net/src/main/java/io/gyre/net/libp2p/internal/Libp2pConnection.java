package io.gyre.net.libp2p.internal;

import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.Direction;
import io.gyre.net.Multiaddr;
import io.gyre.net.Stream;
import io.gyre.net.libp2p.yamux.YamuxHeader;
import io.gyre.net.libp2p.yamux.YamuxSession;
import io.gyre.net.libp2p.yamux.YamuxStream;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/** A secured (Noise), multiplexed (Yamux) libp2p connection. */
final class Libp2pConnection implements Connection {
  private final Channel channel;
  private final PeerId remotePeer;
  private final Direction direction;
  private final Multiaddr remoteAddress;
  private final Multiaddr localAddress;
  private final HostContext host;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private YamuxSession session;

  Libp2pConnection(
      Channel channel,
      PeerId remotePeer,
      Direction direction,
      Multiaddr remoteAddress,
      Multiaddr localAddress,
      HostContext host) {
    this.channel = channel;
    this.remotePeer = remotePeer;
    this.direction = direction;
    this.remoteAddress = remoteAddress;
    this.localAddress = localAddress;
    this.host = host;
    channel.closeFuture().addListener(f -> closeFuture.complete(null));
  }

  void attach(YamuxSession session) {
    this.session = session;
  }

  /** The remote opened a stream: negotiate its protocol, then hand it to the handler. */
  void onInboundStream(YamuxStream raw) {
    StreamNegotiator.inbound(
        raw,
        this,
        channel.eventLoop(),
        host.protocols(),
        host.options().streamNegotiationTimeout());
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Multiaddr localAddress() {
    return localAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public CompletableFuture<Stream> openStream(String protocol) {
    return OnLoop.call(
        channel.eventLoop(),
        () ->
            StreamNegotiator.outbound(
                session.openStream(),
                protocol,
                this,
                channel.eventLoop(),
                host.options().streamNegotiationTimeout()));
  }

  @Override
  public int openStreams() {
    return session.openStreams();
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  /** GoAway (normal), then the socket is closed. */
  @Override
  public CompletableFuture<Void> close() {
    OnLoop.run(
        channel.eventLoop(),
        () -> {
          if (channel.isActive() && !session.isClosed()) {
            session.goAway(YamuxHeader.NORMAL).whenComplete((ok, error) -> channel.close());
          } else {
            channel.close();
          }
        });
    if (channel.eventLoop().isShuttingDown()) {
      channel.close();
    }
    return closeFuture;
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase()
        + " connection with "
        + remotePeer
        + " at "
        + remoteAddress;
  }
}
