/**
 * The particle envelope that peers and clients share: {@link io.gyre.air.particle.Particle} (id,
 * init peer, timestamp, TTL, script, the init peer's signature, data), {@link
 * io.gyre.air.particle.ParticleSignature} (Fluence's signed layout, so js-client's particles
 * verify) and {@link io.gyre.air.particle.ParticleCodec} (the bytes the cluster sends on every hop
 * and a client and its relay exchange). Pure Java, no I/O.
 */
package io.gyre.air.particle;
