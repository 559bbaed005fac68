package io.gyre.node;

import akka.actor.Address;
import io.gyre.air.Interpreter;
import io.gyre.node.builtins.PeerBuiltin;
import io.gyre.node.cluster.KnownPeers;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.particle.InFlightBudget;
import io.gyre.node.particle.ParticleTraces;
import io.gyre.node.relay.AttachedClients;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceRuntime;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** What every hosted peer of a node shares (the relay's attached clients too). */
record NodeParts(
    NodeSettings settings,
    Interpreter interpreter,
    KnownPeers knownPeers,
    NodeMetrics metrics,
    ParticleTraces traces,
    Clock clock,
    ExecutorService serviceExecutor,
    InFlightBudget inFlight,
    AtomicReference<List<ServiceRecord>> clusterServices,
    ServiceRuntime serviceRuntime,
    AttachedClients clients) {

  /** What {@code peer.*} tells about {@code peerId} and the peers it can reach. */
  PeerBuiltin.Neighbourhood neighbourhood(String peerId, Address selfAddress) {
    return new PeerBuiltin.Neighbourhood() {
      @Override
      public String selfPeerId() {
        return peerId;
      }

      @Override
      public boolean knows(String otherPeerId) {
        return otherPeerId.equals(peerId) || knownPeers.contains(otherPeerId);
      }

      @Override
      public List<String> addresses(String otherPeerId) {
        return knownPeers
            .nodeAddress(otherPeerId, selfAddress)
            .filter(a -> a.host().isDefined() && a.port().isDefined())
            .map(a -> List.of("/ip4/" + a.host().get() + "/tcp/" + a.port().get()))
            .orElse(List.of());
      }
    };
  }
}
