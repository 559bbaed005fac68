package io.gyre.net.libp2p.internal;

import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionClosedException;
import io.gyre.net.Direction;
import io.gyre.net.NetException;
import io.gyre.net.libp2p.multistream.MultistreamHandler;
import io.gyre.net.libp2p.multistream.MultistreamNegotiation;
import io.gyre.net.libp2p.multistream.ProtocolSelected;
import io.gyre.net.libp2p.noise.NoiseHandshakeHandler;
import io.gyre.net.libp2p.noise.NoiseSecured;
import io.gyre.net.libp2p.noise.NoiseSession;
import io.gyre.net.libp2p.noise.NoiseTransportCodec;
import io.gyre.net.libp2p.transport.Transport;
import io.gyre.net.libp2p.transport.TransportReady;
import io.gyre.net.libp2p.yamux.YamuxHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: it upgrades the raw transport step by step —
 * multistream-select {@code /noise}, the Noise handshake, multistream-select {@code /yamux/1.0.0},
 * Yamux — each step a handler it puts in the pipeline in front of itself. Then it reports the
 * connection, and stays to close it (one log line naming the cause) on any error, on a stalled
 * handshake, and to report the close.
 */
public final class ConnectionUpgrader extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionUpgrader.class);
  public static final String NAME = "upgrader";
  static final String NOISE = "/noise";
  static final String YAMUX = "/yamux/1.0.0";

  private enum Stage {
    TRANSPORT,
    SECURITY_PROTOCOL,
    NOISE_HANDSHAKE,
    MUXER_PROTOCOL,
    OPEN
  }

  private final HostContext host;
  private final Transport transport;
  private final Optional<PeerId> expectedPeer;
  private final CompletableFuture<Connection> result;
  private Stage stage = Stage.TRANSPORT;
  private ScheduledFuture<?> deadline;
  private PeerId remotePeer;
  private Libp2pConnection connection;
  private boolean closing;

  public ConnectionUpgrader(
      HostContext host,
      Transport transport,
      Optional<PeerId> expectedPeer,
      CompletableFuture<Connection> result) {
    this.host = host;
    this.transport = transport;
    this.expectedPeer = expectedPeer;
    this.result = result;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    host.channels().add(channel);
    channel.closeFuture().addListener(f -> host.channels().remove(channel));
    long timeout = host.options().handshakeTimeout().toMillis();
    deadline =
        ctx.executor()
            .schedule(
                () ->
                    refuse(
                        ctx,
                        "handshake not finished within "
                            + timeout
                            + " ms (stalled at "
                            + stageName()
                            + ")"),
                timeout,
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (direction(ctx) == Direction.INBOUND) {
      int limit = host.options().maxInboundConnections();
      int inbound = host.inboundChannels();
      if (inbound > limit) {
        refuse(ctx, inbound - 1 + " inbound connections already open (limit " + limit + ")");
        return;
      }
    }
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == TransportReady.INSTANCE && stage == Stage.TRANSPORT) {
      stage = Stage.SECURITY_PROTOCOL;
      ctx.pipeline().addBefore(ctx.name(), "multistream-security", negotiator(ctx, NOISE));
    } else if (event instanceof ProtocolSelected selected && stage == Stage.SECURITY_PROTOCOL) {
      stage = Stage.NOISE_HANDSHAKE;
      NoiseSession session =
          direction(ctx) == Direction.OUTBOUND
              ? NoiseSession.initiator(host.noise())
              : NoiseSession.responder(host.noise());
      ctx.pipeline()
          .addAfter("multistream-security", "noise-handshake", new NoiseHandshakeHandler(session));
    } else if (event instanceof NoiseSecured secured && stage == Stage.NOISE_HANDSHAKE) {
      onSecured(ctx, secured.remotePeer());
    } else if (event instanceof ProtocolSelected selected && stage == Stage.MUXER_PROTOCOL) {
      onMultiplexed(ctx);
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  private void onSecured(ChannelHandlerContext ctx, PeerId peer) {
    if (expectedPeer.isPresent() && !expectedPeer.get().equals(peer)) {
      refuse(ctx, "dialed " + expectedPeer.get() + " but the remote proved to be " + peer);
      return;
    }
    remotePeer = peer;
    stage = Stage.MUXER_PROTOCOL;
    ctx.pipeline().addAfter(NoiseTransportCodec.NAME, "multistream-muxer", negotiator(ctx, YAMUX));
  }

  private void onMultiplexed(ChannelHandlerContext ctx) {
    stage = Stage.OPEN;
    deadline.cancel(false);
    Channel channel = ctx.channel();
    Direction direction = direction(ctx);
    connection =
        new Libp2pConnection(
            channel,
            remotePeer,
            direction,
            transport.remoteAddress(channel),
            transport.localAddress(channel),
            host);
    YamuxHandler yamux =
        new YamuxHandler(
            direction == Direction.OUTBOUND,
            host.options().maxStreamsPerConnection(),
            host.options().keepAliveInterval(),
            host.options().keepAliveTimeout(),
            connection::onInboundStream);
    ctx.pipeline().addAfter("multistream-muxer", YamuxHandler.NAME, yamux);
    connection.attach(yamux.session());
    host.opened(connection);
    result.complete(connection);
  }

  private MultistreamHandler negotiator(ChannelHandlerContext ctx, String protocol) {
    return new MultistreamHandler(
        direction(ctx) == Direction.OUTBOUND
            ? MultistreamNegotiation.dialer(List.of(protocol))
            : MultistreamNegotiation.listener(protocol::equals));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    String message =
        root instanceof NetException
            ? root.getMessage()
            : root.getClass().getSimpleName() + ": " + root.getMessage();
    refuse(ctx, message);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    deadline.cancel(false);
    if (!result.isDone()) {
      result.completeExceptionally(
          new ConnectionClosedException(
              "the connection closed during the handshake (at " + stageName() + ")"));
    }
    if (connection != null) {
      host.closed(connection);
    }
    ctx.fireChannelInactive();
  }

  /** Closes the connection, saying why once. */
  private void refuse(ChannelHandlerContext ctx, String reason) {
    if (closing) {
      return;
    }
    closing = true;
    String who = remotePeer == null ? "" : " (" + remotePeer + ")";
    log.warn(
        "closing {} connection {}{}: {}",
        direction(ctx).name().toLowerCase(),
        describe(ctx.channel()),
        who,
        reason);
    if (!result.isDone()) {
      result.completeExceptionally(new ConnectionClosedException(reason));
    }
    ctx.close();
  }

  private String stageName() {
    return switch (stage) {
      case TRANSPORT -> "the transport handshake";
      case SECURITY_PROTOCOL -> "multistream-select for " + NOISE;
      case NOISE_HANDSHAKE -> "the Noise handshake";
      case MUXER_PROTOCOL -> "multistream-select for " + YAMUX;
      case OPEN -> "open";
    };
  }

  private static String describe(Channel channel) {
    try {
      return (channel.parent() != null ? "from " : "to ") + channel.remoteAddress();
    } catch (RuntimeException e) {
      return String.valueOf(channel);
    }
  }

  private static Direction direction(ChannelHandlerContext ctx) {
    return HostContext.direction(ctx.channel());
  }
}
