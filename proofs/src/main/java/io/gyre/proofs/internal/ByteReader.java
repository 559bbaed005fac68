package io.gyre.proofs.internal;

import io.gyre.proofs.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link ByteWriter} writes, with bounds checked on every step: any violation is a
 * {@link MalformedException} naming the field, which decoders turn into a typed result.
 */
public final class ByteReader {

  /** The longest {@code str} or {@code bytes} field any layout accepts (16 MiB). */
  public static final int MAX_FIELD = 16 << 20;

  private final byte[] input;
  private int position;

  public ByteReader(byte[] input) {
    this.input = input;
  }

  private void need(int count, String field) {
    if (count < 0 || input.length - position < count) {
      throw new MalformedException(
          field
              + ": needs "
              + count
              + " bytes at offset "
              + position
              + ", "
              + remaining()
              + " left");
    }
  }

  public int remaining() {
    return input.length - position;
  }

  public int u8(String field) {
    need(1, field);
    return input[position++] & 0xff;
  }

  public long u32(String field) {
    need(4, field);
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (input[position++] & 0xff);
    }
    return value;
  }

  public long u64(String field) {
    need(8, field);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (input[position++] & 0xff);
    }
    return value;
  }

  public byte[] raw(int count, String field) {
    need(count, field);
    byte[] out = Arrays.copyOfRange(input, position, position + count);
    position += count;
    return out;
  }

  public Digest digest(String field) {
    return new Digest(raw(Digest.SIZE, field));
  }

  public byte[] bytes(String field) {
    return bytes(field, MAX_FIELD);
  }

  /** A {@code bytes} field of at most {@code max} bytes. */
  public byte[] bytes(String field, int max) {
    long length = u32(field + " length");
    if (length > max) {
      throw new MalformedException(field + ": length " + length + " over " + max);
    }
    return raw((int) length, field);
  }

  /** A {@code str}: the bytes must be well-formed UTF-8. */
  public String str(String field) {
    byte[] utf8 = bytes(field);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedException(field + ": not UTF-8");
    }
  }

  /** A count of items that each take at least {@code minItemBytes}: bounded by what is left. */
  public int count(String field, int minItemBytes) {
    long count = u32(field);
    if (count * Math.max(1, minItemBytes) > remaining()) {
      throw new MalformedException(field + ": " + count + " items cannot fit in " + remaining());
    }
    return (int) count;
  }

  /** Fails unless every byte was read. */
  public void end(String what) {
    if (remaining() != 0) {
      throw new MalformedException(what + ": " + remaining() + " trailing bytes");
    }
  }
}
