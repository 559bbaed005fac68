package io.gyre.node.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay's own rules for a client's particles, without sockets: time is given. */
class ClientAdmissionTest {
  private static final KeyPair CLIENT = KeyPair.fromSeedName("client");
  private static final KeyPair OTHER = KeyPair.fromSeedName("other");
  private static final RelaySettings LIMITS =
      new RelaySettings(true, "127.0.0.1", 0, 0, 10, 1000, 2.0, 3);

  private static Particle own(String id, long now) {
    return ParticleSignature.sign(CLIENT, id, now, 10_000, "(null)");
  }

  @Test
  void aClientStartsOnlyAsItselfAndReturnsOnlyWhatItWasHandedWithinItsTtl() {
    ClientAdmission admission = new ClientAdmission(CLIENT.peerId().base58(), LIMITS, 0);
    assertEquals(Optional.empty(), admission.admit(own("mine", 0), 0));
    Particle foreign = ParticleSignature.sign(OTHER, "theirs", 0, 10_000, "(null)");
    assertEquals(ParticleError.Code.NOT_YOURS, admission.admit(foreign, 1).orElseThrow().code());
    admission.delivered(foreign, 2);
    assertEquals(Optional.empty(), admission.admit(foreign, 900));
    // after its TTL (timestamp 0 + 10 s) the particle is no longer the client's to return
    assertEquals(
        ParticleError.Code.NOT_YOURS,
        admission.admit(foreign, 10_001 + 2_000).orElseThrow().code());
  }

  @Test
  void theRateRefillsWithTimeUpToTheBurst() {
    ClientAdmission admission = new ClientAdmission(CLIENT.peerId().base58(), LIMITS, 0);
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), admission.admit(own("b" + i, 0), 0));
    }
    ParticleError limited = admission.admit(own("b3", 0), 0).orElseThrow();
    assertEquals(ParticleError.Code.RATE_LIMITED, limited.code());
    assertEquals("b3", limited.particleId());
    assertEquals(Optional.empty(), admission.admit(own("b4", 0), 500)); // 2/s: one after 500 ms
    assertTrue(admission.admit(own("b5", 0), 500).isPresent());
  }

  @Test
  void sizeIsScriptAndData() {
    ClientAdmission admission = new ClientAdmission(CLIENT.peerId().base58(), LIMITS, 0);
    Particle large = own("large", 0).withData(new byte[1000]);
    ParticleError error = admission.admit(large, 0).orElseThrow();
    assertEquals(ParticleError.Code.TOO_LARGE, error.code());
    assertTrue(error.message().contains("1006 bytes"), error.message());
  }

  @Test
  void rememberedDeliveriesAreBounded() {
    DeliveredParticles delivered = new DeliveredParticles(3);
    for (int i = 0; i < 5; i++) {
      delivered.delivered("p" + i, 1_000, 0);
    }
    assertEquals(3, delivered.size());
    assertTrue(!delivered.live("p0", 0) && delivered.live("p4", 0));
  }
}
