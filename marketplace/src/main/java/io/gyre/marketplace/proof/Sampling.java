package io.gyre.marketplace.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Which receipts of a batch an audit asks for: up to {@code count} distinct indices drawn from
 * SHA-256 of the sampling seed (the randomness of the epoch after the batch's, unknown when the
 * root was committed), the deal, the unit and the epoch. Deterministic, so anyone can recheck it.
 */
public final class Sampling {
  private Sampling() {}

  public static List<Long> indices(String seedHex, BatchCommitment commitment, int count) {
    long size = commitment.size();
    int wanted = (int) Math.min(count, size);
    TreeSet<Long> picked = new TreeSet<>();
    byte[] prefix =
        (seedHex + "|" + commitment.deal() + "|" + commitment.unit() + "|" + commitment.epoch())
            .getBytes(StandardCharsets.UTF_8);
    for (long counter = 0; picked.size() < wanted; counter++) {
      MessageDigest sha256 = sha256();
      sha256.update(prefix);
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
      long draw = ByteBuffer.wrap(sha256.digest()).getLong() & Long.MAX_VALUE;
      picked.add(draw % size);
    }
    return new ArrayList<>(picked);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Hex of SHA-256 of {@code text} (UTF-8). */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
