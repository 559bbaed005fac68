package io.gyre.air.internal.data;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} writes; every read is bounds-checked against corrupt data. */
public final class ByteReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  public ByteReader(byte[] buf, int offset, int end) {
    this.buf = buf;
    this.pos = offset;
    this.end = end;
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  public byte[] buffer() {
    return buf;
  }

  private void need(int n) {
    if (n < 0 || pos + n > end || pos + n < pos) {
      throw new DataFormatException("truncated particle data at byte " + pos);
    }
  }

  public int readByte() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new DataFormatException("malformed varint at byte " + pos);
  }

  /** A varint that must fit a non-negative int, e.g. a length. */
  public int length() {
    long value = varint();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new DataFormatException("length out of range at byte " + pos);
    }
    return (int) value;
  }

  public long zigzag() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  public long fixed64() {
    need(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value |= (long) (buf[pos++] & 0xFF) << (8 * i);
    }
    return value;
  }

  /** Skips {@code n} bytes and returns where they started. */
  public int skip(int n) {
    need(n);
    int start = pos;
    pos += n;
    return start;
  }

  public String string() {
    int n = length();
    int start = skip(n);
    return new String(buf, start, n, StandardCharsets.UTF_8);
  }
}
