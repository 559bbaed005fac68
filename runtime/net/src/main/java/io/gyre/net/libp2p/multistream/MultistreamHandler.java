package io.gyre.net.libp2p.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link MultistreamNegotiation} on a connection. When a protocol is agreed it fires {@link
 * ProtocolSelected} (whoever listens adds the next handler right after this one) and removes
 * itself; the bytes that followed the last message go on to the next handler.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {
  private final MultistreamNegotiation negotiation;
  private final MultistreamCodec codec = new MultistreamCodec();

  public MultistreamHandler(MultistreamNegotiation negotiation) {
    this.negotiation = negotiation;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(negotiation.start()));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    byte[] bytes = new byte[in.readableBytes()];
    in.readBytes(bytes);
    Optional<String> selected = Optional.empty();
    byte[] chunk = bytes;
    while (selected.isEmpty()) {
      List<String> messages = codec.feed(chunk, 1);
      chunk = new byte[0];
      if (messages.isEmpty()) {
        break;
      }
      MultistreamNegotiation.Step step = negotiation.onMessage(messages.get(0));
      if (step.reply().length > 0) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(step.reply()));
      }
      selected = step.selected();
    }
    if (selected.isEmpty()) {
      return;
    }
    byte[] rest = codec.drain();
    ctx.fireUserEventTriggered(new ProtocolSelected(selected.get()));
    ctx.pipeline().remove(this);
    if (rest.length > 0) {
      out.add(Unpooled.wrappedBuffer(rest));
    }
  }
}
