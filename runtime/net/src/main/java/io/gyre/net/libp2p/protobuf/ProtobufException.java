package io.gyre.net.libp2p.protobuf;

/** A protobuf message that cannot be read; the message says where. */
public final class ProtobufException extends IllegalArgumentException {
  public ProtobufException(String message) {
    super(message);
  }
}
