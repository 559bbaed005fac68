package io.gyre.air.internal.data;

import io.gyre.air.Tetraplet;
import java.util.List;

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

  /** A canon snapshot: {@code varint n | (varint length | JSON | tetraplet)*}. */
  public static final int CANON = 3;

  /** An {@code ap} into a stream or map ran (it fixes the element's place); no payload. */
  public static final int AP = 4;

  /** This peer sent the particle on for a call or canon on another peer; no payload. */
  public static final int SENT = 5;

  /** This peer asked its host for a call: {@code varint request id}. */
  public static final int PENDING = 6;

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

  /** One element of a canon snapshot as stored: the value's JSON bytes and its tetraplet. */
  public record CanonElement(byte[] json, int offset, int length, Tetraplet tetraplet) {}

  /** Decodes a canon record's element list starting at {@code offset} of {@code buf}. */
  public static List<CanonElement> readCanon(byte[] buf, int offset, int end) {
    ByteReader in = new ByteReader(buf, offset, end);
    int n = in.length();
    CanonElement[] elements = new CanonElement[n];
    for (int i = 0; i < n; i++) {
      int length = in.length();
      int start = in.skip(length);
      elements[i] = new CanonElement(buf, start, length, readTetraplet(in));
    }
    return List.of(elements);
  }
}
