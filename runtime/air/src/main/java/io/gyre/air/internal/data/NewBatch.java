package io.gyre.air.internal.data;

/** The records one run adds, written as they happen and sealed into a batch at the end. */
public final class NewBatch {
  private final ByteWriter body = new ByteWriter(256);
  private int count;

  public boolean isEmpty() {
    return count == 0;
  }

  private void header(int type, long key) {
    body.write(type);
    body.fixed64(key);
    count++;
  }

  public void callOk(long key, byte[] json) {
    header(Records.CALL_OK, key);
    body.bytes(json);
  }

  public void callFailed(long key, int retCode, String message) {
    header(Records.CALL_FAILED, key);
    body.zigzag(retCode);
    body.string(message);
  }

  /** Writes a canon snapshot as the keys of its elements' VALUE records. */
  public void canon(long key, long[] valueKeys) {
    header(Records.CANON, key);
    body.varint(valueKeys.length);
    for (long valueKey : valueKeys) {
      body.fixed64(valueKey);
    }
  }

  /** Writes a canon element (see {@link Records#valuePayload}). */
  public void value(long key, byte[] payload) {
    header(Records.VALUE, key);
    body.write(payload);
  }

  public void ap(long key) {
    header(Records.AP, key);
  }

  public void sent(long key) {
    header(Records.SENT, key);
  }

  public void pending(long key, int requestId) {
    header(Records.PENDING, key);
    body.varint(requestId);
  }

  /** The body: {@code varint count | records}. */
  public byte[] body() {
    ByteWriter out = new ByteWriter(body.size() + 5);
    out.varint(count);
    out.write(body.buffer(), 0, body.size());
    return out.toByteArray();
  }
}
