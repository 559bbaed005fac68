package io.gyre.wasm.internal.call;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** An output buffer that stops the call once more than its limit is written. */
public final class BoundedOutput extends OutputStream {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final int limit;
  private final String name;

  public BoundedOutput(int limit, String name) {
    this.limit = limit;
    this.name = name;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (buffer.size() + length > limit) {
      throw new OutputLimitException(
          "output size limit: " + name + " passed the limit of " + limit + " bytes");
    }
    buffer.write(bytes, offset, length);
  }

  public byte[] toByteArray() {
    return buffer.toByteArray();
  }
}
