package io.gyre.net.framing;

import io.gyre.net.varint.UnsignedVarint;
import io.gyre.net.varint.VarintException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into unsigned-varint length-prefixed messages ({@code varint(n) ‖ n bytes}),
 * the framing of libp2p's identify and of Gyre's {@code /gyre/particle/1.0.0}. Feed it bytes as
 * they come; it returns the messages completed so far. A length above {@code maxSize} is refused as
 * soon as the prefix is read, before any of the body is buffered.
 */
public final class LengthPrefixedDecoder {
  private final int maxSize;
  private byte[] pending = new byte[0];
  private int pendingLength;

  public LengthPrefixedDecoder(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
    }
    this.maxSize = maxSize;
  }

  public int maxSize() {
    return maxSize;
  }

  /**
   * Adds {@code bytes}; returns the messages completed by them, in order.
   *
   * @throws FramingException on a malformed prefix or a message over {@code maxSize}
   */
  public List<byte[]> feed(byte[] bytes) {
    append(bytes);
    List<byte[]> messages = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(pending, 0, pendingLength);
    while (true) {
      int start = in.position();
      long length;
      try {
        length = UnsignedVarint.read(in);
      } catch (VarintException e) {
        throw new FramingException("malformed length prefix: " + e.getMessage());
      }
      if (length < 0) {
        break;
      }
      if (length > maxSize) {
        throw new FramingException(
            "message of " + length + " bytes exceeds the limit of " + maxSize + " bytes");
      }
      if (in.remaining() < length) {
        in.position(start);
        break;
      }
      byte[] message = new byte[(int) length];
      in.get(message);
      messages.add(message);
    }
    compact(in.position());
    return messages;
  }

  /** True when bytes of an unfinished message are held. */
  public boolean hasPartial() {
    return pendingLength > 0;
  }

  /** Encodes one message with its length prefix. */
  public static byte[] encode(byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 5);
    out.writeBytes(UnsignedVarint.encode(message.length));
    out.writeBytes(message);
    return out.toByteArray();
  }

  private void append(byte[] bytes) {
    if (pendingLength + bytes.length > pending.length) {
      byte[] grown = new byte[Math.max(pendingLength + bytes.length, pending.length * 2)];
      System.arraycopy(pending, 0, grown, 0, pendingLength);
      pending = grown;
    }
    System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
    pendingLength += bytes.length;
  }

  private void compact(int consumed) {
    int left = pendingLength - consumed;
    System.arraycopy(pending, consumed, pending, 0, left);
    pendingLength = left;
    if (left == 0 && pending.length > 64 * 1024) {
      pending = new byte[0]; // do not keep a large buffer for an idle stream
    }
  }
}
