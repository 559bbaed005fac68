package io.gyre.node.relay;

import akka.actor.typed.ActorRef;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.particle.PeerRoutes;
import java.util.Optional;

/**
 * Routes of a node that relays for clients: the cluster's peers first, then the clients attached
 * here. Clients attached to other relays are reached through their relay, as the script says
 * ({@code -relay-}), never directly. A particle with no route is reported to its init peer when
 * that is a client attached here.
 */
public final class RelayRoutes implements PeerRoutes {
  private final PeerRoutes cluster;
  private final AttachedClients clients;

  public RelayRoutes(PeerRoutes cluster, AttachedClients clients) {
    this.cluster = cluster;
    this.clients = clients;
  }

  @Override
  public Optional<ActorRef<ParticleInbox.Command>> inbox(String peerId) {
    return cluster.inbox(peerId).or(() -> clients.route(peerId));
  }

  @Override
  public String noRoute(String peerId) {
    return cluster.noRoute(peerId);
  }
}
