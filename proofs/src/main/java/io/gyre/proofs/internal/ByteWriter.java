package io.gyre.proofs.internal;

import io.gyre.proofs.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the module's byte layouts: big-endian integers, {@code str} = u32 length ‖ UTF-8, {@code
 * bytes} = u32 length ‖ bytes, digests as their 32 bytes (proofs/README.md, "Primitives").
 */
public final class ByteWriter {

  private byte[] buffer;
  private int size;

  public ByteWriter() {
    this(256);
  }

  public ByteWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  public ByteWriter u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ByteWriter u32(long value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public ByteWriter u64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public ByteWriter raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  public ByteWriter digest(Digest digest) {
    return raw(digest.bytes());
  }

  public ByteWriter bytes(byte[] bytes) {
    return u32(bytes.length).raw(bytes);
  }

  public ByteWriter str(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
