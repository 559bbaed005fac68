package io.gyre.proofs;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** A SHA-256 digest: 32 bytes, compared by content, printed as lowercase hex. */
public record Digest(byte[] bytes) {

  public static final int SIZE = 32;

  /** All zero: the "previous" of a service's first chain element. */
  public static final Digest ZERO = new Digest(new byte[SIZE]);

  public Digest {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a digest has 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The hex form; empty when the text is not 64 hex digits. */
  public static Optional<Digest> parseHex(String text) {
    if (text.length() != 2 * SIZE) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Digest(HexFormat.of().parseHex(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digest that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
