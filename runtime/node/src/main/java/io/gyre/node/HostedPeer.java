package io.gyre.node;

import akka.actor.typed.ActorRef;
import io.gyre.identity.KeyPair;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.particle.PeerRuntime;
import io.gyre.node.services.JavaServices;
import io.gyre.node.services.ServiceRegistry;
import io.gyre.node.services.ServiceTable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One peer a node hosts: its key, its particle inbox, its service registry and the services its
 * host registered; {@code recovered} completes once its registry has read the journal.
 */
record HostedPeer(
    KeyPair key,
    PeerRuntime runtime,
    ActorRef<ParticleInbox.Command> inbox,
    ActorRef<ServiceRegistry.Command> registry,
    JavaServices javaServices,
    AtomicReference<ServiceTable> services,
    CompletableFuture<Void> recovered) {

  String peerId() {
    return key.peerId().base58();
  }
}
