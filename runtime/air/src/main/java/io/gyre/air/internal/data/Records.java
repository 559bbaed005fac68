package io.gyre.air.internal.data;

import io.gyre.air.Tetraplet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The record kinds inside a batch body: {@code varint count | (type | key(8) | payload)*}. A key
 * names what the record describes: an instruction in a fold-iteration path (see the interpreter's
 * call identities), never a position in a trace.
 */
public final class Records {
  /** A service result: {@code varint length | JSON}. Only the call's peer may author it. */
  public static final int CALL_OK = 1;

  /** A failed service call: {@code zigzag ret_code | string message}. */
  public static final int CALL_FAILED = 2;

  /**
   * A canon snapshot: {@code varint n | value key(8)*}, each key naming a {@link #VALUE} record, so
   * snapshots that share elements (a join re-canonicalizes a growing stream) store each once.
   */
  public static final int CANON = 3;

  /** An {@code ap} into a stream or map ran (it fixes the element's place); no payload. */
  public static final int AP = 4;

  /** This peer sent the particle on for a call or canon on another peer; no payload. */
  public static final int SENT = 5;

  /** This peer asked its host for a call: {@code varint request id}. */
  public static final int PENDING = 6;

  /**
   * A canon element: {@code varint length | JSON | tetraplet}, keyed by the first eight bytes of
   * SHA-256 of that payload (content-addressed, checked when a batch is merged).
   */
  public static final int VALUE = 7;

  private Records() {}

  static void writeTetraplet(ByteWriter out, Tetraplet t) {
    out.string(t.peerPk());
    out.string(t.serviceId());
    out.string(t.functionName());
    out.string(t.lens());
  }

  static Tetraplet readTetraplet(ByteReader in) {
    return new Tetraplet(in.string(), in.string(), in.string(), in.string());
  }

  /** A canon element as stored: its value's JSON bytes and its tetraplet. */
  public record CanonElement(byte[] json, int offset, int length, Tetraplet tetraplet) {}

  /** Encodes a VALUE payload. */
  public static byte[] valuePayload(byte[] json, Tetraplet tetraplet) {
    ByteWriter out = new ByteWriter(json.length + 80);
    out.bytes(json);
    writeTetraplet(out, tetraplet);
    return out.toByteArray();
  }

  /** The content key of a VALUE payload. */
  public static long valueKey(byte[] buf, int offset, int length) {
    MessageDigest sha = sha256();
    sha.update(buf, offset, length);
    byte[] hash = sha.digest();
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key |= (long) (hash[i] & 0xFF) << (8 * i);
    }
    return key;
  }

  /** Decodes a VALUE payload. */
  public static CanonElement readValue(byte[] buf, int offset, int end) {
    ByteReader in = new ByteReader(buf, offset, end);
    int length = in.length();
    int start = in.skip(length);
    return new CanonElement(buf, start, length, readTetraplet(in));
  }

  /** The value keys of a CANON payload. */
  public static long[] readCanon(byte[] buf, int offset, int end) {
    ByteReader in = new ByteReader(buf, offset, end);
    int n = in.length();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = in.fixed64();
    }
    return keys;
  }

  /** Checks that every VALUE record of {@code batch} is keyed by its content. */
  static boolean valuesMatchKeys(Batch batch) {
    ByteReader in = new ByteReader(batch.buffer(), batch.bodyStart(), batch.end());
    int count = in.length();
    for (int i = 0; i < count; i++) {
      int type = in.readByte();
      long key = in.fixed64();
      int payload = in.position();
      skipPayload(in, type);
      if (type == VALUE && valueKey(batch.buffer(), payload, in.position() - payload) != key) {
        return false;
      }
    }
    return true;
  }

  /** Skips one record's payload. */
  static void skipPayload(ByteReader in, int type) {
    switch (type) {
      case CALL_OK -> in.skip(in.length());
      case CALL_FAILED -> {
        in.zigzag();
        in.string();
      }
      case CANON -> in.skip(8 * in.length());
      case AP, SENT -> {}
      case PENDING -> in.length();
      case VALUE -> {
        in.skip(in.length());
        readTetraplet(in);
      }
      default -> throw new DataFormatException("unknown record type " + type);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
