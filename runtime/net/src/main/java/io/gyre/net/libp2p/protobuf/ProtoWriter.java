package io.gyre.net.libp2p.protobuf;

import io.gyre.net.varint.UnsignedVarint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf fields in the order given (the libp2p messages need varints and bytes only). */
public final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter varint(int field, long value) {
    tag(field, VARINT);
    out.writeBytes(UnsignedVarint.encode(value));
    return this;
  }

  public ProtoWriter bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    out.writeBytes(UnsignedVarint.encode(value.length));
    out.writeBytes(value);
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    out.writeBytes(UnsignedVarint.encode(((long) field << 3) | wireType));
  }
}
