package io.gyre.identity.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Test points and signatures that honest signers never make: the small-order points, keys with a
 * small-order component, and signatures whose R carries one (valid under BouncyCastle's cofactored
 * rule, not under the cofactorless one).
 */
final class Forgery {
  private static final byte[] IDENTITY = identityEncoding();

  /** The 8 points of order dividing 8, each as its point. */
  static final List<EdwardsPoint> SMALL_ORDER = smallOrderPoints();

  private Forgery() {}

  static byte[] encode(EdwardsPoint p) {
    return p.encode();
  }

  static EdwardsPoint multiply(BigInteger scalar, EdwardsPoint point) {
    EdwardsPoint result = EdwardsPoint.identity();
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      result.twice();
      if (scalar.testBit(bit)) {
        result.add(point);
      }
    }
    return result;
  }

  static EdwardsPoint decode(byte[] encoding) {
    return EdwardsPoint.of(Curve.decode(encoding, 0).orElseThrow());
  }

  static EdwardsPoint sum(EdwardsPoint p, EdwardsPoint q) {
    EdwardsPoint r = p.copy();
    r.add(q);
    return r;
  }

  /**
   * A signature of {@code message} under {@code publicKey} (whose secret scalar is the seed's) with
   * R = [r]B + torsion: S = r + k * a with k hashed over that R.
   */
  static byte[] signWithTorsionInR(
      byte[] seed, byte[] publicKey, byte[] message, EdwardsPoint torsion, long nonce) {
    BigInteger a = secretScalar(seed);
    BigInteger r = new BigInteger(256, new Random(nonce)).mod(Scalars.L);
    byte[] rEncoding = encode(sum(multiply(r, EdwardsPoint.of(Curve.BASE)), torsion));
    SHA512Digest digest = new SHA512Digest();
    digest.update(rEncoding, 0, 32);
    digest.update(publicKey, 0, 32);
    digest.update(message, 0, message.length);
    byte[] hash = new byte[64];
    digest.doFinal(hash, 0);
    BigInteger k = littleEndian(Scalars.reduce(hash));
    BigInteger s = r.add(k.multiply(a)).mod(Scalars.L);
    byte[] signature = Arrays.copyOf(rEncoding, 64);
    System.arraycopy(toLittleEndian(s), 0, signature, 32, 32);
    return signature;
  }

  static BigInteger secretScalar(byte[] seed) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
      byte[] a = Arrays.copyOf(h, 32);
      a[0] &= (byte) 0xF8;
      a[31] &= 0x7F;
      a[31] |= 0x40;
      return littleEndian(a);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  static byte[] toLittleEndian(BigInteger value) {
    byte[] result = new byte[32];
    for (int i = 0; i < 32; i++) {
      result[i] = value.shiftRight(8 * i).byteValue();
    }
    return result;
  }

  static boolean isIdentity(EdwardsPoint p) {
    return Arrays.equals(p.encode(), IDENTITY);
  }

  private static List<EdwardsPoint> smallOrderPoints() {
    Random random = new Random(8);
    byte[] candidate = new byte[32];
    while (true) {
      random.nextBytes(candidate);
      var point = Curve.decode(candidate, 0);
      if (point.isEmpty()) {
        continue;
      }
      // [L]P keeps only P's small-order component; of order 8 when [4] of it is not neutral
      EdwardsPoint torsion = multiply(Scalars.L, EdwardsPoint.of(point.get()));
      if (isIdentity(multiply(BigInteger.valueOf(4), torsion))) {
        continue;
      }
      List<EdwardsPoint> points = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        points.add(multiply(BigInteger.valueOf(i), torsion));
      }
      return List.copyOf(points);
    }
  }

  private static byte[] identityEncoding() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    return identity;
  }
}
