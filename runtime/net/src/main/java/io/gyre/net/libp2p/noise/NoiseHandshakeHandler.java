package io.gyre.net.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link NoiseSession} over 2-byte big-endian length-prefixed messages. When it completes,
 * it puts a {@link NoiseTransportCodec} in its place, fires {@link NoiseSecured} and hands any
 * bytes that followed to the codec.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
  private final NoiseSession session;

  public NoiseHandshakeHandler(NoiseSession session) {
    this.session = session;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    session.start().ifPresent(message -> ctx.writeAndFlush(frame(message)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!session.isComplete() && in.readableBytes() >= 2) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + length) {
        return;
      }
      in.skipBytes(2);
      byte[] message = new byte[length];
      in.readBytes(message);
      Optional<byte[]> reply = session.onMessage(message);
      reply.ifPresent(bytes -> ctx.writeAndFlush(frame(bytes)));
    }
    if (session.isComplete()) {
      NoiseTransportCodec codec = new NoiseTransportCodec(session.split());
      ctx.pipeline().addAfter(ctx.name(), NoiseTransportCodec.NAME, codec);
      ctx.fireUserEventTriggered(new NoiseSecured(session.remotePeer()));
      ctx.pipeline().remove(this);
    }
  }

  static ByteBuf frame(byte[] message) {
    if (message.length > NoiseTransportCodec.MAX_FRAME) {
      throw new NoiseException("handshake message of " + message.length + " bytes is too long");
    }
    ByteBuf out = Unpooled.buffer(2 + message.length);
    out.writeShort(message.length);
    out.writeBytes(message);
    return out;
  }
}
