package io.gyre.identity;

import io.gyre.identity.internal.KeyBytes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Decoded Ed25519 public keys by their 32 bytes. Decoding a key (a square root in the field) is
 * part of every verification; peers verify the same few keys again and again, so the decoded point
 * is kept. Keys that are not valid points are not kept. Bounded: cleared when full.
 */
final class PublicPoints {
  private static final int CAPACITY = 10_000;
  private static final ConcurrentHashMap<KeyBytes, Ed25519.PublicPoint> POINTS =
      new ConcurrentHashMap<>();

  private PublicPoints() {}

  /** The decoded key, or empty when the bytes are not a valid Ed25519 public key. */
  static Optional<Ed25519.PublicPoint> decode(KeyBytes key) {
    Ed25519.PublicPoint point = POINTS.get(key);
    if (point != null) {
      return Optional.of(point);
    }
    point = Ed25519.validatePublicKeyPartialExport(key.bytes(), 0);
    if (point == null) {
      return Optional.empty();
    }
    if (POINTS.size() >= CAPACITY) {
      POINTS.clear();
    }
    POINTS.put(key, point);
    return Optional.of(point);
  }
}
