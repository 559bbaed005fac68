package io.gyre.net.libp2p.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** TCP: bytes may flow as soon as the socket is connected. */
final class ReadyOnActive extends ChannelInboundHandlerAdapter {
  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.fireChannelActive();
    ctx.fireUserEventTriggered(TransportReady.INSTANCE);
    ctx.pipeline().remove(this);
  }
}
