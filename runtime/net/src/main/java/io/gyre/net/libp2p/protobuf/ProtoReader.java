package io.gyre.net.libp2p.protobuf;

import io.gyre.net.varint.UnsignedVarint;
import io.gyre.net.varint.VarintException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf fields one at a time; unknown fields are skipped by wire type, as protobuf
 * requires. Every malformation (truncation, a group, a bad varint) is a {@link ProtobufException}.
 */
public final class ProtoReader {
  private final ByteBuffer in;
  private int field;
  private int wireType;

  public ProtoReader(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes);
  }

  /** Moves to the next field; false at the end of the message. */
  public boolean next() {
    if (!in.hasRemaining()) {
      return false;
    }
    long tag = readVarint();
    field = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (field == 0 || tag >>> 3 > Integer.MAX_VALUE) {
      throw new ProtobufException("invalid field number " + (tag >>> 3));
    }
    return true;
  }

  public int field() {
    return field;
  }

  public long varint() {
    expect(0);
    return readVarint();
  }

  public byte[] bytes() {
    expect(2);
    long length = readVarint();
    if (length > in.remaining()) {
      throw new ProtobufException(
          "field " + field + " announces " + length + " bytes, " + in.remaining() + " remain");
    }
    byte[] out = new byte[(int) length];
    in.get(out);
    return out;
  }

  public String string() {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProtobufException("field " + field + " is not UTF-8");
    }
  }

  /** Skips the current field's value. */
  public void skip() {
    switch (wireType) {
      case 0 -> readVarint();
      case 1 -> advance(8);
      case 2 -> bytes();
      case 5 -> advance(4);
      default ->
          throw new ProtobufException("field " + field + " has unsupported wire type " + wireType);
    }
  }

  private void expect(int type) {
    if (wireType != type) {
      throw new ProtobufException(
          "field " + field + " has wire type " + wireType + ", expected " + type);
    }
  }

  private void advance(int n) {
    if (in.remaining() < n) {
      throw new ProtobufException("message ends inside field " + field);
    }
    in.position(in.position() + n);
  }

  private long readVarint() {
    try {
      long value = UnsignedVarint.read(in);
      if (value < 0) {
        throw new ProtobufException("message ends inside a varint");
      }
      return value;
    } catch (VarintException e) {
      throw new ProtobufException(e.getMessage());
    }
  }
}
