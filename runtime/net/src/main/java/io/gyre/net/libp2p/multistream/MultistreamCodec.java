package io.gyre.net.libp2p.multistream;

import io.gyre.net.varint.UnsignedVarint;
import io.gyre.net.varint.VarintException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * multistream-select 1.0 messages: {@code uvarint(len) ‖ utf8(text) ‖ '\n'}, where len counts the
 * newline. The decoder is incremental: feed bytes, get whole messages (without the newline), and
 * take whatever follows the last message with {@link #drain()} once negotiation is over.
 */
public final class MultistreamCodec {
  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NOT_AVAILABLE = "na";

  /** Protocol ids are short; a longer message is refused (the spec's own bound is 64 KiB). */
  public static final int MAX_MESSAGE = 1024;

  private byte[] pending = new byte[0];

  public static byte[] encode(String text) {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
    out.writeBytes(UnsignedVarint.encode(body.length));
    out.writeBytes(body);
    return out.toByteArray();
  }

  public static byte[] encode(String... texts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String text : texts) {
      out.writeBytes(encode(text));
    }
    return out.toByteArray();
  }

  /**
   * Adds bytes and returns at most {@code limit} complete messages; the rest stays buffered (the
   * bytes after a final message belong to the next protocol).
   */
  public List<String> feed(byte[] bytes, int limit) {
    byte[] joined = new byte[pending.length + bytes.length];
    System.arraycopy(pending, 0, joined, 0, pending.length);
    System.arraycopy(bytes, 0, joined, pending.length, bytes.length);
    ByteBuffer in = ByteBuffer.wrap(joined);
    List<String> messages = new ArrayList<>();
    while (messages.size() < limit) {
      int start = in.position();
      long length;
      try {
        length = UnsignedVarint.read(in);
      } catch (VarintException e) {
        throw new MultistreamException("multistream: malformed length prefix: " + e.getMessage());
      }
      if (length < 0) {
        break;
      }
      if (length > MAX_MESSAGE) {
        throw new MultistreamException(
            "multistream: message of " + length + " bytes exceeds " + MAX_MESSAGE + " bytes");
      }
      if (length == 0) {
        throw new MultistreamException("multistream: empty message");
      }
      if (in.remaining() < length) {
        in.position(start);
        break;
      }
      byte[] body = new byte[(int) length];
      in.get(body);
      if (body[body.length - 1] != '\n') {
        throw new MultistreamException("multistream: message does not end with a newline");
      }
      messages.add(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
    }
    pending = new byte[in.remaining()];
    in.get(pending);
    return messages;
  }

  /** The bytes buffered after the messages returned so far; clears them. */
  public byte[] drain() {
    byte[] out = pending;
    pending = new byte[0];
    return out;
  }
}
