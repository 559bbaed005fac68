package io.gyre.node.particle;

import akka.actor.typed.ActorRef;
import io.gyre.air.particle.Particle;
import java.util.Optional;

/** Where a particle goes next: the inbox of a peer by its id, when this node can reach it. */
public interface PeerRoutes {
  Optional<ActorRef<ParticleInbox.Command>> inbox(String peerId);

  /**
   * A peer of this node found no route for {@code particle} to {@code peerId} (a relay tells the
   * particle's init peer when that is a client attached to it).
   */
  default void unreachable(Particle particle, String peerId) {}
}
