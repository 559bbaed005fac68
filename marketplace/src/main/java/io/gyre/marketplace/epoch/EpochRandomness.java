package io.gyre.marketplace.epoch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Each epoch's randomness is a link of a hash chain: {@code r(e) = SHA-256("gyre-epoch" | r(prev) |
 * e | entropy)}, where the entropy is drawn fresh when the epoch starts. Both are recorded in the
 * journal, so replay gives the same chain; nobody knows {@code r(e)} before epoch {@code e} starts
 * — in particular not when the batch roots of the epoch before were committed.
 */
public final class EpochRandomness {
  private EpochRandomness() {}

  /** The first link, when the marketplace is created. */
  public static String genesis(String entropy) {
    return next("", 0, entropy);
  }

  public static String next(String previous, long epoch, String entropy) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              sha256.digest(
                  ("gyre-epoch|" + previous + "|" + epoch + "|" + entropy)
                      .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
