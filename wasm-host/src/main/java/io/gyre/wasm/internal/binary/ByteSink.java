package io.gyre.wasm.internal.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds WebAssembly binary data: bytes, LEB128 integers and names. */
public final class ByteSink {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ByteSink u8(int value) {
    out.write(value);
    return this;
  }

  public ByteSink bytes(byte[] value) {
    out.write(value, 0, value.length);
    return this;
  }

  public ByteSink bytes(byte[] value, int from, int to) {
    out.write(value, from, to - from);
    return this;
  }

  public ByteSink u32(long value) {
    long rest = value;
    do {
      int b = (int) (rest & 0x7F);
      rest >>>= 7;
      out.write(rest != 0 ? b | 0x80 : b);
    } while (rest != 0);
    return this;
  }

  public ByteSink s64(long value) {
    long rest = value;
    while (true) {
      int b = (int) (rest & 0x7F);
      rest >>= 7;
      boolean done = (rest == 0 && (b & 0x40) == 0) || (rest == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  public ByteSink name(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return u32(utf8.length).bytes(utf8);
  }

  /** Appends another sink's bytes prefixed by their length, as sections and bodies are. */
  public ByteSink sized(ByteSink content) {
    byte[] data = content.toByteArray();
    return u32(data.length).bytes(data);
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
