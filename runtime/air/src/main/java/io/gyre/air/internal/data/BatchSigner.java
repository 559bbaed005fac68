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

  /** Seals {@code body} into an encoded batch signed by {@code key} for {@code particleId}. */
  public static byte[] seal(KeyPair key, String particleId, byte[] body, int bodyLength) {
    MessageDigest sha = SHA256.get();
    sha.update(body, 0, bodyLength);
    byte[] hash = sha.digest();
    byte[] signature = key.sign(message(particleId, hash));
    byte[] batch = new byte[Batch.HEADER + bodyLength];
    System.arraycopy(hash, 0, batch, 0, Batch.HASH);
    System.arraycopy(key.publicKey(), 0, batch, Batch.HASH, Batch.KEY);
    System.arraycopy(signature, 0, batch, Batch.HASH + Batch.KEY, Batch.SIGNATURE);
    System.arraycopy(body, 0, batch, Batch.HEADER, bodyLength);
    return batch;
  }

  /** True when the batch's hash matches its body and its author signed it for this particle. */
  static boolean verify(Batch batch, String particleId) {
    MessageDigest sha = SHA256.get();
    sha.update(batch.buffer(), batch.bodyStart(), batch.end() - batch.bodyStart());
    byte[] hash = sha.digest();
    if (!Arrays.equals(hash, batch.hash())) {
      return false;
    }
    return KeyPair.verify(batch.publicKey(), message(particleId, hash), batch.signature());
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
