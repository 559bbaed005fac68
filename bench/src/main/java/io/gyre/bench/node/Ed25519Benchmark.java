package io.gyre.bench.node;

import io.gyre.identity.KeyPair;
import io.gyre.identity.internal.HotKey;
import io.gyre.identity.internal.KeyBytes;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 sign and verify of a particle-sized message (Fluence's signed particle header with a
 * 300-byte script): BouncyCastle's RFC 8032 code (what Gyre's KeyPair uses) against the JDK 17
 * provider. Every hop verifies the particle and the data; every run signs what it adds.
 *
 * <p>Verification three ways: BouncyCastle's verify on a decoded key (what KeyPair.verify does for
 * a key it has not seen verify 3 times), KeyPair.verify on a hot key (the precomputed-table path
 * every peer key takes after its third success), and the one-off cost of building a key's table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ed25519Benchmark {
  private final byte[] message =
      ("particle-id-0001" + "x".repeat(300)).getBytes(StandardCharsets.UTF_8);
  private KeyPair bouncyCastle;
  private byte[] bouncyCastleSignature;
  private Ed25519.PublicPoint bouncyCastlePoint;
  private byte[] hotPublicKey;
  private KeyBytes hotKeyBytes;
  private java.security.KeyPair jdk;
  private byte[] jdkSignature;

  @Setup
  public void setUp() throws Exception {
    bouncyCastle = KeyPair.fromSeedName("bench");
    bouncyCastleSignature = bouncyCastle.sign(message);
    bouncyCastlePoint = Ed25519.validatePublicKeyPartialExport(bouncyCastle.publicKey(), 0);
    hotPublicKey = bouncyCastle.publicKey();
    hotKeyBytes = new KeyBytes(hotPublicKey);
    for (int i = 0; i < 10; i++) {
      if (!KeyPair.verify(hotPublicKey, message, bouncyCastleSignature)) {
        throw new IllegalStateException("the bench key's signature does not verify");
      }
    }
    jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    jdkSignature = jdkSign();
  }

  private byte[] jdkSign() throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(jdk.getPrivate());
    signer.update(message);
    return signer.sign();
  }

  @Benchmark
  public byte[] bouncyCastleSign() {
    return bouncyCastle.sign(message);
  }

  @Benchmark
  public boolean bouncyCastleVerify() {
    return Ed25519.verify(bouncyCastleSignature, 0, bouncyCastlePoint, message, 0, message.length);
  }

  @Benchmark
  public boolean hotKeyVerify() {
    return KeyPair.verify(hotPublicKey, message, bouncyCastleSignature);
  }

  @Benchmark
  public HotKey hotKeyTableBuild() {
    return HotKey.build(hotKeyBytes).orElseThrow();
  }

  @Benchmark
  public byte[] jdkSign17() throws Exception {
    return jdkSign();
  }

  @Benchmark
  public boolean jdkVerify17() throws Exception {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdk.getPublic());
    verifier.update(message);
    return verifier.verify(jdkSignature);
  }
}
