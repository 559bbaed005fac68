package io.gyre.node.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.particle.PeerRoutes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The peers this node can reach, by peer id: a snapshot the {@link PeerDirectory} replaces as the
 * cluster's Receptionist listing changes, read without locks by particle actors and builtins.
 */
public final class KnownPeers implements PeerRoutes {
  private volatile Map<String, ActorRef<ParticleInbox.Command>> inboxes = Map.of();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(Collection<String> peerIds, CompletableFuture<Void> done) {}

  @Override
  public Optional<ActorRef<ParticleInbox.Command>> inbox(String peerId) {
    return Optional.ofNullable(inboxes.get(peerId));
  }

  public boolean contains(String peerId) {
    return inboxes.containsKey(peerId);
  }

  /** Every known peer id. */
  public Collection<String> peerIds() {
    return inboxes.keySet();
  }

  /** The cluster address of the node hosting {@code peerId} ({@code akka://gyre@host:port}). */
  public Optional<Address> nodeAddress(String peerId, Address selfAddress) {
    ActorRef<ParticleInbox.Command> ref = inboxes.get(peerId);
    if (ref == null) {
      return Optional.empty();
    }
    Address address = ref.path().address();
    return Optional.of(address.hasLocalScope() ? selfAddress : address);
  }

  /** Completes when every one of {@code peerIds} is known (at once if they already are). */
  public CompletableFuture<Void> awaitKnown(Collection<String> peerIds) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Waiter waiter = new Waiter(List.copyOf(peerIds), done);
    waiters.add(waiter);
    release();
    return done;
  }

  void replace(Map<String, ActorRef<ParticleInbox.Command>> newInboxes) {
    inboxes = Map.copyOf(newInboxes);
    release();
  }

  private void release() {
    Map<String, ActorRef<ParticleInbox.Command>> current = inboxes;
    for (Waiter waiter : waiters) {
      if (current.keySet().containsAll(waiter.peerIds())) {
        waiters.remove(waiter);
        waiter.done().complete(null);
      }
    }
  }
}
