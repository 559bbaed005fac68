package io.gyre.net.libp2p.transport;

import io.gyre.net.NetException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * libp2p over WebSocket: the connection's bytes travel in binary frames, with no meaning in frame
 * boundaries. Outbound bytes are cut into frames of at most 64 KiB; a text frame is refused.
 */
final class WebSocketBytes extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {
  private static final int MAX_OUTBOUND_FRAME = 64 * 1024;

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
    while (msg.isReadable()) {
      int length = Math.min(msg.readableBytes(), MAX_OUTBOUND_FRAME);
      out.add(new BinaryWebSocketFrame(msg.readRetainedSlice(length)));
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    if (!(frame instanceof BinaryWebSocketFrame)
        && !(frame instanceof ContinuationWebSocketFrame)) {
      throw new NetException(
          "websocket: " + frame.getClass().getSimpleName() + " where binary frames are expected");
    }
    if (frame.content().isReadable()) {
      out.add(frame.content().retain());
    }
  }
}
