package io.gyre.node.relay;

import akka.actor.typed.ActorRef;
import io.gyre.node.particle.ParticleInbox;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients attached to this node's relay, by peer id: where particles for each go (its link's
 * route) and its link. A client that reconnects replaces its older attachment; an attachment is
 * removed only by its own link, so a late detach of the old connection leaves the new one.
 */
public final class AttachedClients {
  /** One client's link and the route the node's peers send its particles to. */
  record Attachment(ActorRef<ParticleInbox.Command> route, ActorRef<ClientLink.Command> link) {}

  private final ConcurrentHashMap<String, Attachment> byPeer = new ConcurrentHashMap<>();

  void attach(String clientId, Attachment attachment) {
    byPeer.put(clientId, attachment);
  }

  void detach(String clientId, ActorRef<ClientLink.Command> link) {
    byPeer.computeIfPresent(
        clientId, (id, current) -> current.link().equals(link) ? null : current);
  }

  Optional<ActorRef<ParticleInbox.Command>> route(String clientId) {
    return Optional.ofNullable(byPeer.get(clientId)).map(Attachment::route);
  }

  Optional<ActorRef<ClientLink.Command>> link(String clientId) {
    return Optional.ofNullable(byPeer.get(clientId)).map(Attachment::link);
  }

  public boolean contains(String clientId) {
    return byPeer.containsKey(clientId);
  }

  /** Clients attached now (one per peer id). */
  public int size() {
    return byPeer.size();
  }
}
