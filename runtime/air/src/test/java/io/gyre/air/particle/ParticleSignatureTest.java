package io.gyre.air.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParticleSignatureTest {
  private static final KeyPair INIT = KeyPair.fromSeedName("init");

  @Test
  void signsWithFluencesLayoutAsJsClientDoes() {
    // js-client's signature for this particle, printed by ../shared/oracle/run-air.mjs
    // (particle_id gyre-golden-1, timestamp 1700000000000, ttl 12345, script "(null)").
    Particle particle =
        ParticleSignature.sign(INIT, "gyre-golden-1", 1_700_000_000_000L, 12345, "(null)");
    assertEquals(
        "X2AyoNAHcy1f5CIbGo9iQP9cN3UmgZBWME2WdxlcI7RGH1T782BNgd25xJK4aGXFwSzi0SofUiRQpvLm2G1bAA==",
        Base64.getEncoder().encodeToString(particle.signature()));
    assertEquals(Optional.empty(), ParticleSignature.verify(particle));
  }

  @Test
  void anyAlteredSignedFieldFailsVerification() {
    Particle good = ParticleSignature.sign(INIT, "p-1", 1_700_000_000_000L, 10_000, "(null)");
    Particle[] altered = {
      new Particle(
          "p-2",
          good.initPeerId(),
          good.timestampMs(),
          good.ttlMs(),
          good.script(),
          good.signature(),
          good.data()),
      new Particle(
          good.id(),
          good.initPeerId(),
          good.timestampMs() + 1,
          good.ttlMs(),
          good.script(),
          good.signature(),
          good.data()),
      new Particle(
          good.id(),
          good.initPeerId(),
          good.timestampMs(),
          20_000,
          good.script(),
          good.signature(),
          good.data()),
      new Particle(
          good.id(),
          good.initPeerId(),
          good.timestampMs(),
          good.ttlMs(),
          "(never)",
          good.signature(),
          good.data()),
      new Particle(
          good.id(),
          KeyPair.fromSeedName("eve").peerId().base58(),
          good.timestampMs(),
          good.ttlMs(),
          good.script(),
          good.signature(),
          good.data())
    };
    for (Particle particle : altered) {
      Optional<String> problem = ParticleSignature.verify(particle);
      assertTrue(
          problem.orElse("").contains("signature does not verify"), particle + ": " + problem);
    }
    // The data is not signed by the init peer (each peer signs what it adds inside it).
    assertEquals(Optional.empty(), ParticleSignature.verify(good.withData(new byte[] {1, 2})));
  }

  @Test
  void malformedHeadersAreNamed() {
    Particle good = ParticleSignature.sign(INIT, "p-1", 1_700_000_000_000L, 10_000, "(null)");
    Particle badInit =
        new Particle(
            "p-1",
            "not-a-peer",
            good.timestampMs(),
            good.ttlMs(),
            good.script(),
            good.signature(),
            good.data());
    Particle badTtl =
        new Particle(
            "p-1",
            good.initPeerId(),
            good.timestampMs(),
            0,
            good.script(),
            good.signature(),
            good.data());
    Particle shortSignature =
        new Particle(
            "p-1",
            good.initPeerId(),
            good.timestampMs(),
            good.ttlMs(),
            good.script(),
            new byte[5],
            good.data());
    assertTrue(
        ParticleSignature.verify(badInit)
            .orElseThrow()
            .contains("'not-a-peer' is not an Ed25519 peer id"));
    assertTrue(ParticleSignature.verify(badTtl).orElseThrow().contains("TTL 0 ms"));
    assertTrue(ParticleSignature.verify(shortSignature).orElseThrow().contains("does not verify"));
  }
}
