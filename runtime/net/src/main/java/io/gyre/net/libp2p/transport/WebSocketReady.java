package io.gyre.net.libp2p.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** WebSocket: bytes may flow once the HTTP upgrade is done, on either side. */
final class WebSocketReady extends ChannelInboundHandlerAdapter {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete
        || event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      ctx.fireUserEventTriggered(TransportReady.INSTANCE);
      ctx.pipeline().remove(this);
      return;
    }
    ctx.fireUserEventTriggered(event);
  }
}
