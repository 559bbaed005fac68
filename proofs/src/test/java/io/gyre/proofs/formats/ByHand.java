package io.gyre.proofs.formats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The README's primitives ("Primitives", "Hashes") written with {@link ByteBuffer} and the JDK's
 * SHA-256 only, apart from the module's own writer, so a test can hold the code to the README.
 */
final class ByHand {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByHand u8(int value) {
    out.write(value);
    return this;
  }

  ByHand u32(long value) {
    return raw(ByteBuffer.allocate(Integer.BYTES).putInt((int) value).array());
  }

  ByHand u64(long value) {
    return raw(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }

  ByHand str(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return u32(utf8.length).raw(utf8);
  }

  ByHand raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** {@code count} bytes of {@code value}: the example's stand-in digests. */
  ByHand repeat(int value, int count) {
    for (int i = 0; i < count; i++) {
      out.write(value);
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** {@code H(tag, m) = SHA-256(u8(len(tag)) ‖ ascii(tag) ‖ m)}. */
  static byte[] hash(String tag, byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((byte) tag.length());
      sha.update(tag.getBytes(StandardCharsets.US_ASCII));
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
