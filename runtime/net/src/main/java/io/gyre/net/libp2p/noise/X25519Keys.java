package io.gyre.net.libp2p.noise;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An X25519 key pair (RFC 7748, BouncyCastle), and the Diffie-Hellman function of Noise. */
public final class X25519Keys {
  public static final int KEY_LEN = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secret;
  private final byte[] publicKey;

  private X25519Keys(byte[] secret) {
    this.secret = secret;
    this.publicKey = new byte[KEY_LEN];
    X25519.generatePublicKey(secret, 0, publicKey, 0);
  }

  public static X25519Keys generate() {
    byte[] secret = new byte[KEY_LEN];
    X25519.generatePrivateKey(RANDOM, secret);
    return new X25519Keys(secret);
  }

  public static X25519Keys fromSecret(byte[] secret) {
    if (secret.length != KEY_LEN) {
      throw new IllegalArgumentException("an X25519 secret has 32 bytes, not " + secret.length);
    }
    return new X25519Keys(secret.clone());
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * X25519(secret, remote public key).
   *
   * @throws NoiseException when the result is all zeros (the remote key has small order), which
   *     would make the shared key public
   */
  public byte[] agree(byte[] remotePublicKey) {
    if (remotePublicKey.length != KEY_LEN) {
      throw new NoiseException("an X25519 public key has 32 bytes, not " + remotePublicKey.length);
    }
    byte[] shared = new byte[KEY_LEN];
    if (!X25519.calculateAgreement(secret, 0, remotePublicKey, 0, shared, 0)) {
      throw new NoiseException("the remote X25519 key has small order (all-zero shared secret)");
    }
    return shared;
  }
}
