package io.gyre.net.libp2p.noise;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's HKDF (section 4.3) over HMAC-SHA256: two 32-byte outputs from a chaining key and input
 * key material. It equals RFC 5869 HKDF with salt = chaining key, empty info, 64 bytes of output.
 */
public final class Hkdf {
  public static final int HASH_LEN = 32;

  private Hkdf() {}

  /** Returns {@code [output1, output2]}. */
  public static byte[][] derive(byte[] chainingKey, byte[] inputKeyMaterial) {
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[] output1 = hmac(tempKey, new byte[] {0x01});
    byte[] input2 = new byte[HASH_LEN + 1];
    System.arraycopy(output1, 0, input2, 0, HASH_LEN);
    input2[HASH_LEN] = 0x02;
    byte[] output2 = hmac(tempKey, input2);
    return new byte[][] {output1, output2};
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // An empty key is legal for HMAC but not for SecretKeySpec; HMAC pads keys with zeros.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has HmacSHA256", e);
    }
  }
}
