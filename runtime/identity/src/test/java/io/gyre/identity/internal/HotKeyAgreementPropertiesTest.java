package io.gyre.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The table path agrees with BouncyCastle 1.80's {@code Ed25519.verify(sig, 0, publicPoint, ...)}
 * on valid signatures and on every kind of tampering. Every check calls {@link HotKey#verify}, the
 * table path itself; keys BouncyCastle refuses are refused before any table (as KeyPair does).
 */
class HotKeyAgreementPropertiesTest {
  // Many keys, each with its own table: a wrong table entry for some key would show as a
  // disagreement on that key only.
  private static final int KEYS = 128;
  private static final List<byte[]> SEEDS = new ArrayList<>();
  private static final List<byte[]> PUBLIC_KEYS = new ArrayList<>();
  private static final Map<KeyBytes, HotKey> TABLES = new HashMap<>();

  static {
    Random random = new Random(25519);
    for (int i = 0; i < KEYS; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] publicKey = new byte[32];
      Ed25519.generatePublicKey(seed, 0, publicKey, 0);
      SEEDS.add(seed);
      PUBLIC_KEYS.add(publicKey);
    }
  }

  /** BouncyCastle's verdict, the way KeyPair asked it before the table path. */
  private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
    return point != null && Ed25519.verify(signature, 0, point, message, 0, message.length);
  }

  /** The table path's verdict; a key BouncyCastle refuses never gets a table. */
  private static boolean table(byte[] publicKey, byte[] message, byte[] signature) {
    if (Ed25519.validatePublicKeyPartialExport(publicKey, 0) == null) {
      return false;
    }
    KeyBytes key = new KeyBytes(publicKey);
    HotKey hot;
    synchronized (TABLES) {
      hot = TABLES.computeIfAbsent(key, k -> HotKey.build(k).orElseThrow());
    }
    return hot.verify(message, signature);
  }

  private static boolean agree(byte[] publicKey, byte[] message, byte[] signature) {
    boolean expected = bouncyCastle(publicKey, message, signature);
    assertEquals(expected, table(publicKey, message, signature), "table path vs BouncyCastle");
    return expected;
  }

  private static byte[] sign(int key, byte[] message) {
    byte[] signature = new byte[64];
    Ed25519.sign(
        SEEDS.get(key), 0, PUBLIC_KEYS.get(key), 0, message, 0, message.length, signature, 0);
    return signature;
  }

  @Property(tries = 60)
  void freshKeysSignaturesVerify(@ForAll @Size(32) byte[] seed, @ForAll byte[] message) {
    byte[] publicKey = new byte[32];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    byte[] signature = new byte[64];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
    HotKey hot = HotKey.build(new KeyBytes(publicKey)).orElseThrow();
    assertTrue(hot.verify(message, signature));
    assertTrue(bouncyCastle(publicKey, message, signature));
    assertFalse(hot.verify(message, sign(0, message)), "another key's signature");
  }

  @Property
  void validSignaturesAgree(@ForAll @IntRange(max = KEYS - 1) int key, @ForAll byte[] message) {
    assertTrue(agree(PUBLIC_KEYS.get(key), message, sign(key, message)));
  }

  @Property(tries = 2000)
  void everyBitFlipInTheSignatureAgrees(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 511) int bit) {
    byte[] signature = sign(key, message);
    signature[bit >>> 3] ^= (byte) (1 << (bit & 7));
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  @Property
  void everyBitFlipInTheMessageAgrees(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll @Size(min = 1, max = 400) byte[] message,
      @ForAll @IntRange(max = 3199) int bit) {
    byte[] signature = sign(key, message);
    int flipped = bit % (message.length * 8);
    message[flipped >>> 3] ^= (byte) (1 << (flipped & 7));
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  @Property(tries = 150)
  void everyBitFlipInTheKeyAgrees(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 255) int bit) {
    byte[] signature = sign(key, message);
    byte[] publicKey = PUBLIC_KEYS.get(key).clone();
    publicKey[bit >>> 3] ^= (byte) (1 << (bit & 7));
    assertFalse(agree(publicKey, message, signature));
  }

  @Property(tries = 300)
  void scalarsAtOrAboveLAreRefused(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 3) int kind) {
    byte[] signature = sign(key, message);
    BigInteger s = Forgery.littleEndian(java.util.Arrays.copyOfRange(signature, 32, 64));
    BigInteger forged =
        switch (kind) {
          case 0 -> s.add(Scalars.L); // the same point, non-canonical scalar
          case 1 -> Scalars.L;
          case 2 -> s.or(BigInteger.ONE.shiftLeft(253)); // bits above 2^253
          default -> s.or(BigInteger.ONE.shiftLeft(255));
        };
    System.arraycopy(Forgery.toLittleEndian(forged), 0, signature, 32, 32);
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  @Property(tries = 200)
  void nonCanonicalRIsRefused(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 18) int aboveP,
      @ForAll boolean sign) {
    byte[] signature = sign(key, message);
    BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    byte[] r = Forgery.toLittleEndian(p.add(BigInteger.valueOf(aboveP)));
    if (sign) {
      r[31] |= (byte) 0x80;
    }
    System.arraycopy(r, 0, signature, 0, 32);
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  @Property(tries = 300)
  void arbitraryRAgrees(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @Size(32) byte[] r) {
    byte[] signature = sign(key, message);
    System.arraycopy(r, 0, signature, 0, 32);
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  @Property(tries = 200)
  void smallOrderRAgrees(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 7) int torsion,
      @ForAll boolean zeroS) {
    byte[] signature = sign(key, message);
    System.arraycopy(Forgery.SMALL_ORDER.get(torsion).encode(), 0, signature, 0, 32);
    if (zeroS) {
      java.util.Arrays.fill(signature, 32, 64, (byte) 0);
    }
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  /** BouncyCastle checks [8]([S]B - [k]A - R) = O: a small-order part in R is accepted. */
  @Property(tries = 100)
  void aSmallOrderComponentInRIsAcceptedAsBouncyCastleDoes(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(max = 7) int torsion,
      @ForAll long nonce) {
    byte[] signature =
        Forgery.signWithTorsionInR(
            SEEDS.get(key), PUBLIC_KEYS.get(key), message, Forgery.SMALL_ORDER.get(torsion), nonce);
    assertTrue(agree(PUBLIC_KEYS.get(key), message, signature));
    signature[40] ^= 1;
    assertFalse(agree(PUBLIC_KEYS.get(key), message, signature));
  }

  /** A key with a small-order component passes BouncyCastle's partial validation: same verdicts. */
  @Property(tries = 40)
  void keysWithASmallOrderComponentAgree(
      @ForAll @IntRange(max = KEYS - 1) int key,
      @ForAll byte[] message,
      @ForAll @IntRange(min = 1, max = 7) int torsion) {
    byte[] mixed =
        Forgery.sum(Forgery.decode(PUBLIC_KEYS.get(key)), Forgery.SMALL_ORDER.get(torsion))
            .encode();
    byte[] signature = new byte[64];
    Ed25519.sign(SEEDS.get(key), 0, mixed, 0, message, 0, message.length, signature, 0);
    agree(mixed, message, signature);
    signature[33] ^= 2;
    assertFalse(agree(mixed, message, signature));
  }

  @Example
  void smallOrderKeysAreRefusedBeforeAnyTable() {
    byte[] message = "particle".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (EdwardsPoint point : Forgery.SMALL_ORDER) {
      byte[] key = point.encode();
      assertFalse(agree(key, message, sign(0, message)));
      byte[] identityR = new byte[64];
      System.arraycopy(Forgery.SMALL_ORDER.get(0).encode(), 0, identityR, 0, 32);
      assertFalse(agree(key, message, identityR), "R = identity, S = 0");
    }
  }

  @Example
  void theSmallOrderPointsAreEightDistinctPointsOfOrderDividingEight() {
    java.util.Set<String> encodings = new java.util.HashSet<>();
    for (EdwardsPoint point : Forgery.SMALL_ORDER) {
      assertTrue(point.isSmallOrder());
      encodings.add(java.util.HexFormat.of().formatHex(point.encode()));
    }
    assertEquals(8, encodings.size());
    assertTrue(Forgery.isIdentity(Forgery.SMALL_ORDER.get(0)));
    assertFalse(EdwardsPoint.of(Curve.BASE).isSmallOrder());
  }
}
