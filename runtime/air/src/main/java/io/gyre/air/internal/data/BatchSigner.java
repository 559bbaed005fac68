package io.gyre.air.internal.data;

import io.gyre.identity.KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Hashes, signs and verifies batches; the signature binds the particle id. */
public final class BatchSigner {
  private static final byte[] DOMAIN = "gyre-air/1".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("the JDK always has SHA-256", e);
            }
          });

  private BatchSigner() {}

  /**
   * Seals {@code body} into an encoded batch by {@code key} for {@code particleId}, linked to
   * {@code previous}, the hash of the author's previous batch ({@link Batch#NO_PREVIOUS} for its
   * first). With {@code sign} false the signature is left zero: the batch stays on this peer until
   * a later batch of the same author, which vouches for it through the hash chain, or {@link
   * #signed} signs it before the data leaves.
   */
  public static byte[] seal(
      KeyPair key, String particleId, byte[] previous, byte[] body, int bodyLength, boolean sign) {
    byte[] batch = new byte[Batch.HEADER + bodyLength];
    int hashed = Batch.HASH + Batch.KEY + Batch.SIGNATURE;
    System.arraycopy(previous, 0, batch, hashed, Batch.PREV);
    System.arraycopy(body, 0, batch, Batch.HEADER, bodyLength);
    MessageDigest sha = SHA256.get();
    sha.update(batch, hashed, batch.length - hashed);
    byte[] hash = sha.digest();
    System.arraycopy(hash, 0, batch, 0, Batch.HASH);
    System.arraycopy(key.publicKey(), 0, batch, Batch.HASH, Batch.KEY);
    if (sign) {
      byte[] signature = key.sign(message(particleId, hash));
      System.arraycopy(signature, 0, batch, Batch.HASH + Batch.KEY, Batch.SIGNATURE);
    }
    return batch;
  }

  /** True when the batch carries a signature (it was not sealed unsigned). */
  static boolean isSigned(Batch batch) {
    int from = batch.start() + Batch.HASH + Batch.KEY;
    for (int i = from; i < from + Batch.SIGNATURE; i++) {
      if (batch.buffer()[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code batch} (sealed by {@code key}) with its signature for {@code particleId}. */
  static byte[] signed(Batch batch, KeyPair key, String particleId) {
    byte[] copy = Arrays.copyOfRange(batch.buffer(), batch.start(), batch.end());
    byte[] signature = key.sign(message(particleId, batch.hash()));
    System.arraycopy(signature, 0, copy, Batch.HASH + Batch.KEY, Batch.SIGNATURE);
    return copy;
  }

  /** True when the batch's hash matches its {@code prev | body}. */
  static boolean hashMatches(Batch batch) {
    MessageDigest sha = SHA256.get();
    sha.update(batch.buffer(), batch.hashedStart(), batch.end() - batch.hashedStart());
    return Arrays.equals(sha.digest(), batch.hash());
  }

  /** True when the batch's author signed its hash for this particle. */
  static boolean signatureValid(Batch batch, String particleId) {
    return KeyPair.verify(batch.publicKey(), message(particleId, batch.hash()), batch.signature());
  }

  private static byte[] message(String particleId, byte[] hash) {
    byte[] id = particleId.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[DOMAIN.length + id.length + 1 + hash.length];
    System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
    System.arraycopy(id, 0, message, DOMAIN.length, id.length);
    System.arraycopy(hash, 0, message, DOMAIN.length + id.length + 1, hash.length);
    return message;
  }
}
