package io.gyre.node.particle;

import akka.actor.typed.ActorRef;
import io.gyre.air.particle.Particle;
import java.util.List;
import java.util.Optional;

/**
 * A particle the inbox holds until its TTL: the header (data dropped) and the bytes it is counted
 * at, plus where it is. An active particle has an actor; a quiet one's actor is stopping; a dormant
 * one is only its {@link ParticleState}, so a peer holding thousands of particles that wait for
 * their TTL holds data, not actors.
 */
sealed interface LiveParticle {
  Particle header();

  long bytes();

  Optional<ParticleSession> session();

  LiveParticle withBytes(long bytes);

  /** Its actor runs; {@code delivered} counts the arrivals the inbox has handed to it. */
  record Active(
      Particle header,
      long bytes,
      Optional<ParticleSession> session,
      ActorRef<ParticleActor.Command> actor,
      int delivered)
      implements LiveParticle {
    @Override
    public LiveParticle withBytes(long bytes) {
      return new Active(header, bytes, session, actor, delivered);
    }

    Active delivering() {
      return new Active(header, bytes, session, actor, delivered + 1);
    }
  }

  /**
   * Its quiet actor (which had handled {@code handled} arrivals) was told to stop; arrivals wait in
   * {@code held} (the inbox's own list) until it has.
   */
  record Stopping(
      Particle header,
      long bytes,
      Optional<ParticleSession> session,
      ActorRef<ParticleActor.Command> actor,
      int handled,
      ParticleState state,
      List<ParticleActor.Arrived> held)
      implements LiveParticle {
    @Override
    public LiveParticle withBytes(long bytes) {
      return new Stopping(header, bytes, session, actor, handled, state, held);
    }
  }

  /** No actor: the next arrival starts one from {@code state}. */
  record Dormant(
      Particle header, long bytes, Optional<ParticleSession> session, ParticleState state)
      implements LiveParticle {
    @Override
    public LiveParticle withBytes(long bytes) {
      return new Dormant(header, bytes, session, state);
    }
  }
}
