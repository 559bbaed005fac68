package io.gyre.identity.internal;

import java.util.Arrays;

/** A public key's 32 bytes, compared by content (a map key): always a private copy. */
public record KeyBytes(byte[] bytes) {
  public KeyBytes {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes themselves, for this package's hashing: never handed out or changed. */
  byte[] shared() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "KeyBytes(" + java.util.HexFormat.of().formatHex(bytes) + ")";
  }
}
