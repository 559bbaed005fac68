package io.gyre.wasm.internal.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A cursor over WebAssembly binary data: bytes, LEB128 integers and names. */
public final class WasmInput {

  private final byte[] bytes;
  private final int end;
  private int position;

  public WasmInput(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public WasmInput(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  public int position() {
    return position;
  }

  public boolean atEnd() {
    return position >= end;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int u8() {
    require(1);
    return bytes[position++] & 0xFF;
  }

  public int peekU8() {
    require(1);
    return bytes[position] & 0xFF;
  }

  public byte[] take(int length) {
    require(length);
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  public void skip(int length) {
    require(length);
    position += length;
  }

  /** An unsigned 32-bit LEB128 integer. */
  public int u32() {
    long result = 0;
    int shift = 0;
    while (true) {
      int b = u8();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw new MalformedWasmException("integer too long", position);
      }
    }
    if (result > 0xFFFF_FFFFL) {
      throw new MalformedWasmException("integer too large", position);
    }
    return (int) result;
  }

  /** A count or size: an unsigned 32-bit integer that must fit an int and the remaining bytes. */
  public int length() {
    int value = u32();
    if (value < 0) {
      throw new MalformedWasmException("length too large", position);
    }
    return value;
  }

  /** A signed LEB128 integer of up to {@code bits} bits (32, 33 or 64). */
  public long signed(int bits) {
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if (shift > bits + 6) {
        throw new MalformedWasmException("integer too long", position);
      }
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  public String name() {
    int length = length();
    require(length);
    String name = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return name;
  }

  private void require(int count) {
    if (count < 0 || position + count > end) {
      throw new MalformedWasmException("unexpected end of data", position);
    }
  }
}
