package io.gyre.proofs;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An epoch's public randomness: 32 bytes the marketplace publishes at an epoch boundary that nobody
 * could know before it. It seeds the capacity puzzles of the epoch it opens and the sampling of the
 * batches of the epoch it closes (proofs/README.md, "Order of events").
 */
public record Randomness(byte[] bytes) {

  public Randomness {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("randomness has 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Randomness that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
