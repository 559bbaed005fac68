package io.gyre.marketplace.epoch;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * Fresh randomness mixed into each epoch's randomness. The default draws from {@link SecureRandom};
 * {@link #seeded} is reproducible (tests).
 */
public interface EntropySource {
  /** 32 fresh bytes, as hex. */
  String next();

  static EntropySource secure() {
    SecureRandom random = new SecureRandom();
    return () -> draw(random);
  }

  static EntropySource seeded(long seed) {
    Random random = new Random(seed);
    return () -> draw(random);
  }

  private static String draw(Random random) {
    byte[] bytes = new byte[32];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return HexFormat.of().formatHex(bytes);
  }
}
