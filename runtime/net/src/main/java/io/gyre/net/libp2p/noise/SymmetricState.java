package io.gyre.net.libp2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Noise's SymmetricState (section 5.2) for SHA-256: chaining key, handshake hash, cipher. */
final class SymmetricState {
  private byte[] chainingKey;
  private byte[] hash;
  private final CipherState cipher = new CipherState();

  SymmetricState(String protocolName) {
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    hash =
        name.length <= Hkdf.HASH_LEN ? java.util.Arrays.copyOf(name, Hkdf.HASH_LEN) : sha256(name);
    chainingKey = hash.clone();
  }

  void mixKey(byte[] inputKeyMaterial) {
    byte[][] out = Hkdf.derive(chainingKey, inputKeyMaterial);
    chainingKey = out[0];
    cipher.initializeKey(out[1]);
  }

  void mixHash(byte[] data) {
    MessageDigest digest = digest();
    digest.update(hash);
    digest.update(data);
    hash = digest.digest();
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] ciphertext = cipher.encryptWithAd(hash, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] plaintext = cipher.decryptWithAd(hash, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  byte[] handshakeHash() {
    return hash.clone();
  }

  /** The two transport ciphers: the initiator sends with the first. */
  CipherState[] split() {
    byte[][] keys = Hkdf.derive(chainingKey, new byte[0]);
    CipherState first = new CipherState();
    first.initializeKey(keys[0]);
    CipherState second = new CipherState();
    second.initializeKey(keys[1]);
    return new CipherState[] {first, second};
  }

  private static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
