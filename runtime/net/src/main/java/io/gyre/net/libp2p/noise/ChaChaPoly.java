package io.gyre.net.libp2p.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) through the JDK's {@code ChaCha20-Poly1305} cipher: 32-byte key,
 * 12-byte nonce, 16-byte tag appended to the ciphertext. One instance per direction: not
 * thread-safe.
 */
public final class ChaChaPoly {
  public static final int KEY_LEN = 32;
  public static final int NONCE_LEN = 12;
  public static final int TAG_LEN = 16;

  private final Cipher cipher;
  private final SecretKeySpec key;

  public ChaChaPoly(byte[] key) {
    if (key.length != KEY_LEN) {
      throw new IllegalArgumentException("a ChaCha20-Poly1305 key has 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "ChaCha20");
    try {
      this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK 11+ always has ChaCha20-Poly1305", e);
    }
  }

  /** Returns ciphertext ‖ tag. */
  public byte[] seal(byte[] nonce, byte[] ad, byte[] plaintext, int offset, int length) {
    checkNonce(nonce);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
      cipher.updateAAD(ad);
      return cipher.doFinal(plaintext, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /**
   * Checks the tag and returns the plaintext.
   *
   * @throws NoiseException when the tag does not match (forged, corrupted, or wrong key/nonce)
   */
  public byte[] open(byte[] nonce, byte[] ad, byte[] ciphertext, int offset, int length) {
    checkNonce(nonce);
    if (length < TAG_LEN) {
      throw new NoiseException("ciphertext of " + length + " bytes is shorter than its tag");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
      cipher.updateAAD(ad);
      return cipher.doFinal(ciphertext, offset, length);
    } catch (AEADBadTagException e) {
      throw new NoiseException("authentication tag does not match");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_LEN) {
      throw new IllegalArgumentException(
          "a ChaCha20-Poly1305 nonce has 12 bytes, not " + nonce.length);
    }
  }
}
