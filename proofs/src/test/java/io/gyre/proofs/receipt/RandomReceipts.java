package io.gyre.proofs.receipt;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.Digest;
import java.util.Random;

/** Receipts with random fields, from a seed (for jqwik properties). */
public final class RandomReceipts {

  private RandomReceipts() {}

  public static Digest digest(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new Digest(bytes);
  }

  private static String text(Random random) {
    int length = random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(
          (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0xe9 + random.nextInt(40)));
    }
    return out.toString();
  }

  /** A receipt of {@code provider} for the deal and epoch, other fields random. */
  public static Receipt receipt(Random random, KeyPair provider, String deal, long epoch) {
    OutcomeStatus[] statuses = OutcomeStatus.values();
    return new Receipt(
        provider.peerId(),
        deal,
        epoch,
        "svc-" + text(random),
        text(random),
        text(random),
        random.nextInt(1000),
        digest(random),
        digest(random),
        digest(random),
        digest(random),
        random.nextLong() & Long.MAX_VALUE,
        statuses[random.nextInt(statuses.length)],
        random.nextBoolean());
  }
}
