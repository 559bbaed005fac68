package io.gyre.net.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;

/**
 * Noise transport messages: each frame is a 2-byte big-endian length and at most 65535 bytes of
 * ChaCha20-Poly1305 ciphertext (so at most 65519 bytes of plaintext). Outbound bytes of any size
 * are cut into such frames; inbound frames are decrypted and passed on. A frame that fails its tag
 * is a {@link NoiseException}.
 */
public final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {
  public static final String NAME = "noise";
  public static final int MAX_FRAME = 65535;
  public static final int MAX_PLAINTEXT = MAX_FRAME - ChaChaPoly.TAG_LEN;
  private static final byte[] NO_AD = new byte[0];

  private final CipherState sender;
  private final CipherState receiver;

  public NoiseTransportCodec(XXHandshake.TransportCiphers ciphers) {
    this.sender = ciphers.sender();
    this.receiver = ciphers.receiver();
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    while (msg.isReadable()) {
      int length = Math.min(msg.readableBytes(), MAX_PLAINTEXT);
      byte[] plaintext = new byte[length];
      msg.readBytes(plaintext);
      byte[] ciphertext = sender.encryptWithAd(NO_AD, plaintext);
      out.writeShort(ciphertext.length);
      out.writeBytes(ciphertext);
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 2) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + length) {
        return;
      }
      if (length < ChaChaPoly.TAG_LEN) {
        throw new NoiseException("transport frame of " + length + " bytes is shorter than its tag");
      }
      in.skipBytes(2);
      byte[] ciphertext = new byte[length];
      in.readBytes(ciphertext);
      byte[] plaintext = receiver.decryptWithAd(NO_AD, ciphertext);
      if (plaintext.length > 0) {
        out.add(ctx.alloc().buffer(plaintext.length).writeBytes(plaintext));
      }
    }
  }
}
