package io.gyre.identity;

import io.gyre.identity.internal.HotKey;
import io.gyre.identity.internal.HotKeys;
import io.gyre.identity.internal.KeyBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair (BouncyCastle's RFC 8032 code: about ten times faster than the JDK 17
 * provider). The secret is the 32-byte seed, as libp2p and AquaVM take it.
 */
public final class KeyPair {
  /** Keys that verify often get a precomputed table: about twice as fast as BouncyCastle. */
  private static final HotKeys HOT_KEYS = HotKeys.withDefaults();

  /** Off: every verification is BouncyCastle's alone (an operator's switch, process-wide). */
  private static volatile boolean fastVerify = true;

  private final byte[] secret;
  private final byte[] publicKey;
  private final PeerId peerId;

  private KeyPair(byte[] secret) {
    if (secret.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 secret key has 32 bytes, not " + secret.length);
    }
    this.secret = secret.clone();
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(this.secret, 0, publicKey, 0);
    this.peerId = PeerId.fromPublicKey(publicKey);
  }

  public static KeyPair fromSecret(byte[] secret) {
    return new KeyPair(secret);
  }

  /** The conformance corpus's seed names: secret = SHA-256(utf8(name)). */
  public static KeyPair fromSeedName(String name) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return new KeyPair(sha256.digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  public static KeyPair generate() {
    byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
    new java.security.SecureRandom().nextBytes(secret);
    return new KeyPair(secret);
  }

  public PeerId peerId() {
    return peerId;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public byte[] secret() {
    return secret.clone();
  }

  public byte[] sign(byte[] message) {
    return sign(message, 0, message.length);
  }

  public byte[] sign(byte[] message, int offset, int length) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(secret, 0, publicKey, 0, message, offset, length, signature, 0);
    return signature;
  }

  /**
   * True when {@code signature} is {@code publicKey}'s Ed25519 signature of {@code message}
   * (BouncyCastle's rules: RFC 8032, cofactored). The key is decoded (and checked) once and then
   * reused from {@link PublicPoints}; a key that has verified a few times gets a precomputed table
   * ({@link HotKeys}) and is then checked without BouncyCastle, with the same result.
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != Ed25519.SIGNATURE_SIZE || publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
      return false;
    }
    KeyBytes key = new KeyBytes(publicKey);
    boolean fast = fastVerify;
    if (fast) {
      Optional<HotKey> hot = HOT_KEYS.lookup(key);
      if (hot.isPresent()) {
        return hot.get().verify(message, signature);
      }
    }
    boolean valid =
        PublicPoints.decode(key)
            .map(point -> Ed25519.verify(signature, 0, point, message, 0, message.length))
            .orElse(false);
    if (valid && fast) {
      HOT_KEYS.recordSuccess(key);
    }
    return valid;
  }

  /**
   * Switches the hot-key table path on (the default) or off for the whole process; off, {@link
   * #verify} is BouncyCastle's verification alone, and the tables are dropped (switched on again,
   * keys turn hot afresh).
   */
  public static void setFastVerify(boolean on) {
    fastVerify = on;
    if (!on) {
      HOT_KEYS.clear();
    }
  }

  public static boolean fastVerify() {
    return fastVerify;
  }

  /**
   * Verifications a hot key's table has answered in this process so far (never reset): stays put
   * while the fast path is off, so a peer's setting can be seen at work.
   */
  public static long fastPathVerifications() {
    return HOT_KEYS.hits();
  }

  /** The process's hot keys, for tests. */
  static HotKeys hotKeys() {
    return HOT_KEYS;
  }

  @Override
  public String toString() {
    return "KeyPair(" + peerId + ")";
  }
}
