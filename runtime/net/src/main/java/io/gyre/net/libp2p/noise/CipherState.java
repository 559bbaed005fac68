package io.gyre.net.libp2p.noise;

/**
 * Noise's CipherState (section 5.1): a key and a 64-bit counter nonce, encoded as 4 zero bytes then
 * the counter little-endian (the ChaChaPoly cipher function). Without a key it passes data through,
 * as during the first handshake message.
 */
public final class CipherState {
  private ChaChaPoly cipher;
  private long nonce;

  void initializeKey(byte[] key) {
    this.cipher = new ChaChaPoly(key);
    this.nonce = 0;
  }

  public boolean hasKey() {
    return cipher != null;
  }

  public byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
    return encryptWithAd(ad, plaintext, 0, plaintext.length);
  }

  public byte[] encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length) {
    if (cipher == null) {
      byte[] out = new byte[length];
      System.arraycopy(plaintext, offset, out, 0, length);
      return out;
    }
    return cipher.seal(nextNonce(), ad, plaintext, offset, length);
  }

  public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
    return decryptWithAd(ad, ciphertext, 0, ciphertext.length);
  }

  public byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) {
    if (cipher == null) {
      byte[] out = new byte[length];
      System.arraycopy(ciphertext, offset, out, 0, length);
      return out;
    }
    return cipher.open(nextNonce(), ad, ciphertext, offset, length);
  }

  private byte[] nextNonce() {
    if (nonce == -1L) {
      throw new NoiseException("nonce space exhausted");
    }
    long n = nonce++;
    byte[] out = new byte[ChaChaPoly.NONCE_LEN];
    for (int i = 0; i < 8; i++) {
      out[4 + i] = (byte) (n >>> (8 * i));
    }
    return out;
  }
}
