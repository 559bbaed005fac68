package io.gyre.net.libp2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads Yamux frames off the (decrypted) connection into a {@link YamuxSession} and writes the
 * session's frames back. Refuses a data frame larger than any receive window before buffering it,
 * answers protocol errors with GoAway(protocol error), and sends a keep-alive ping every {@code
 * keepAliveInterval}: a ping unanswered for {@code keepAliveTimeout} means the connection is
 * half-open, and it is closed.
 */
public final class YamuxHandler extends ByteToMessageDecoder implements FrameSink {
  public static final String NAME = "yamux";

  private final boolean client;
  private final int maxStreams;
  private final Duration keepAliveInterval;
  private final Duration keepAliveTimeout;
  private final Consumer<YamuxStream> inbound;
  private ChannelHandlerContext ctx;
  private YamuxSession session;
  private ScheduledFuture<?> keepAlive;

  public YamuxHandler(
      boolean client,
      int maxStreams,
      Duration keepAliveInterval,
      Duration keepAliveTimeout,
      Consumer<YamuxStream> inbound) {
    this.client = client;
    this.maxStreams = maxStreams;
    this.keepAliveInterval = keepAliveInterval;
    this.keepAliveTimeout = keepAliveTimeout;
    this.inbound = inbound;
  }

  /** The session; available once the handler is in a pipeline. */
  public YamuxSession session() {
    return session;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.session = new YamuxSession(client, this, maxStreams, inbound);
    long interval = keepAliveInterval.toMillis();
    keepAlive =
        ctx.executor()
            .scheduleAtFixedRate(this::sendKeepAlive, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= YamuxHeader.SIZE) {
      byte[] head = new byte[YamuxHeader.SIZE];
      in.getBytes(in.readerIndex(), head);
      YamuxHeader header = decodeOrGoAway(head);
      int payloadLength = 0;
      if (header.type() == YamuxHeader.Type.DATA) {
        if (header.length() > YamuxSession.INITIAL_WINDOW) {
          throw protocolError(
              "yamux: data frame of "
                  + header.length()
                  + " bytes exceeds the receive window of "
                  + YamuxSession.INITIAL_WINDOW
                  + " bytes");
        }
        payloadLength = (int) header.length();
      }
      if (in.readableBytes() < YamuxHeader.SIZE + payloadLength) {
        return;
      }
      in.skipBytes(YamuxHeader.SIZE);
      byte[] payload = new byte[payloadLength];
      in.readBytes(payload);
      try {
        session.onFrame(header, payload);
      } catch (YamuxException e) {
        throw protocolError("yamux: " + e.getMessage());
      }
    }
  }

  private YamuxHeader decodeOrGoAway(byte[] head) {
    try {
      return YamuxHeader.decode(head, 0);
    } catch (YamuxException e) {
      throw protocolError("yamux: " + e.getMessage());
    }
  }

  private YamuxException protocolError(String message) {
    session.goAway(YamuxHeader.PROTOCOL_ERROR);
    return new YamuxException(message);
  }

  @Override
  public CompletableFuture<Void> send(YamuxHeader header, byte[] payload, int offset, int length) {
    ByteBuf frame = ctx.alloc().buffer(YamuxHeader.SIZE + length);
    frame.writeBytes(header.encode());
    frame.writeBytes(payload, offset, length);
    CompletableFuture<Void> sent = new CompletableFuture<>();
    ctx.writeAndFlush(frame)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                sent.complete(null);
              } else {
                sent.completeExceptionally(f.cause());
              }
            });
    return sent;
  }

  private void sendKeepAlive() {
    long timeout = keepAliveTimeout.toMillis();
    CompletableFuture<Long> answered = session.ping();
    ScheduledFuture<?> deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (!answered.isDone()) {
                    ctx.fireExceptionCaught(
                        new YamuxException(
                            "no answer to the keep-alive ping within "
                                + timeout
                                + " ms: the connection is half-open"));
                  }
                },
                timeout,
                TimeUnit.MILLISECONDS);
    answered.whenComplete((value, error) -> deadline.cancel(false));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stop("the connection closed");
    super.channelInactive(ctx);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    stop("the session was removed");
  }

  private void stop(String reason) {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    if (session != null) {
      session.close(reason);
    }
  }
}
