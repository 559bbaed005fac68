package io.gyre.net.varint;

import java.nio.ByteBuffer;

/**
 * The multiformats unsigned varint: 7 bits a byte, least significant group first, high bit set on
 * every byte but the last. Lengths, multiaddr codes and protobuf tags all use it. At most 9 bytes
 * (63 bits), and the shortest form only, as the multiformats spec requires.
 */
public final class UnsignedVarint {
  /** The multiformats limit: values up to 2^63 - 1 take at most 9 bytes. */
  public static final int MAX_BYTES = 9;

  private UnsignedVarint() {}

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(value, out, 0);
    return out;
  }

  /** Writes {@code value} at {@code offset}; returns the number of bytes written. */
  public static int write(long value, byte[] out, int offset) {
    if (value < 0) {
      throw new IllegalArgumentException("an unsigned varint cannot hold " + value);
    }
    int at = offset;
    while ((value & ~0x7FL) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at - offset;
  }

  public static void write(long value, ByteBuffer out) {
    byte[] bytes = encode(value);
    out.put(bytes);
  }

  public static int size(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("an unsigned varint cannot hold " + value);
    }
    int size = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  /**
   * Reads a varint from {@code buffer} at its position. Returns -1 and leaves the position where it
   * was when the buffer ends before the varint does; otherwise advances past it.
   *
   * @throws VarintException when the varint is longer than 9 bytes or not in its shortest form
   */
  public static long read(ByteBuffer buffer) {
    int start = buffer.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (!buffer.hasRemaining()) {
        buffer.position(start);
        return -1;
      }
      int b = buffer.get() & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new VarintException("varint is not in its shortest form");
        }
        return value;
      }
    }
    throw new VarintException("varint is longer than " + MAX_BYTES + " bytes");
  }

  /** Reads a complete varint; the input must hold all of it. */
  public static long readFully(ByteBuffer buffer) {
    long value = read(buffer);
    if (value < 0) {
      throw new VarintException("input ends inside a varint");
    }
    return value;
  }
}
