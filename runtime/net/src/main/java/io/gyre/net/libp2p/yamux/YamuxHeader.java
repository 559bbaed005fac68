package io.gyre.net.libp2p.yamux;

/**
 * A Yamux frame header (12 bytes, big-endian): version (0), type, flags, stream id, length. For
 * data frames {@code length} is the payload size; for window updates the window delta; for pings
 * the opaque value; for GoAway the error code. Stream id and length are unsigned 32-bit values.
 */
public record YamuxHeader(Type type, int flags, long streamId, long length) {
  public static final int SIZE = 12;
  public static final int VERSION = 0;

  public static final int SYN = 0x1;
  public static final int ACK = 0x2;
  public static final int FIN = 0x4;
  public static final int RST = 0x8;

  /** GoAway codes. */
  public static final int NORMAL = 0;

  public static final int PROTOCOL_ERROR = 1;
  public static final int INTERNAL_ERROR = 2;

  public enum Type {
    DATA,
    WINDOW_UPDATE,
    PING,
    GO_AWAY
  }

  public YamuxHeader {
    if (streamId < 0 || streamId > 0xFFFFFFFFL || length < 0 || length > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("stream id and length are unsigned 32-bit values");
    }
    if ((flags & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("flags are 16 bits");
    }
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  public byte[] encode() {
    byte[] out = new byte[SIZE];
    out[0] = VERSION;
    out[1] = (byte) type.ordinal();
    out[2] = (byte) (flags >>> 8);
    out[3] = (byte) flags;
    putInt(out, 4, streamId);
    putInt(out, 8, length);
    return out;
  }

  /**
   * Reads a header from the first 12 bytes of {@code in} at {@code offset}.
   *
   * @throws YamuxException on an unknown version or type
   */
  public static YamuxHeader decode(byte[] in, int offset) {
    int version = in[offset] & 0xFF;
    if (version != VERSION) {
      throw new YamuxException("unsupported yamux version " + version);
    }
    int type = in[offset + 1] & 0xFF;
    if (type >= Type.values().length) {
      throw new YamuxException("unknown yamux frame type " + type);
    }
    int flags = ((in[offset + 2] & 0xFF) << 8) | (in[offset + 3] & 0xFF);
    return new YamuxHeader(
        Type.values()[type], flags, getInt(in, offset + 4), getInt(in, offset + 8));
  }

  private static void putInt(byte[] out, int at, long value) {
    out[at] = (byte) (value >>> 24);
    out[at + 1] = (byte) (value >>> 16);
    out[at + 2] = (byte) (value >>> 8);
    out[at + 3] = (byte) value;
  }

  private static long getInt(byte[] in, int at) {
    return ((long) (in[at] & 0xFF) << 24)
        | ((in[at + 1] & 0xFF) << 16)
        | ((in[at + 2] & 0xFF) << 8)
        | (in[at + 3] & 0xFF);
  }

  @Override
  public String toString() {
    return type + "(stream " + streamId + ", flags " + flags + ", length " + length + ")";
  }
}
