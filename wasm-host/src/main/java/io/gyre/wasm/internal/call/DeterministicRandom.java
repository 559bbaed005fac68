package io.gyre.wasm.internal.call;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random bytes a call sees: SHA-256 in counter mode over a seed taken from the particle id and
 * the call's position, so a re-executed call draws the same bytes. Block i of the stream is {@code
 * SHA-256(seed ‖ u64be(i))} with {@code seed = SHA-256("gyre-wasi-random" ‖ utf8(particle id) ‖
 * u32be(call position))}.
 */
public final class DeterministicRandom {

  private final byte[] seed;
  private final MessageDigest sha256;
  private long counter;
  private byte[] block = new byte[0];
  private int used;

  private DeterministicRandom(byte[] seed) {
    this.seed = seed;
    this.sha256 = newSha256();
  }

  public static DeterministicRandom forCall(String particleId, int callPosition) {
    MessageDigest digest = newSha256();
    digest.update("gyre-wasi-random".getBytes(StandardCharsets.UTF_8));
    digest.update(particleId.getBytes(StandardCharsets.UTF_8));
    digest.update(ByteBuffer.allocate(4).putInt(callPosition).array());
    return new DeterministicRandom(digest.digest());
  }

  public void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      if (used == block.length) {
        sha256.update(seed);
        sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
        block = sha256.digest();
        used = 0;
      }
      out[i] = block[used++];
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
