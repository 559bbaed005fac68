package io.gyre.node.particle;

import akka.actor.typed.ActorRef;
import java.util.Optional;

/** Where a particle goes next: the inbox of a peer by its id, when this node can reach it. */
public interface PeerRoutes {
  Optional<ActorRef<ParticleInbox.Command>> inbox(String peerId);
}
