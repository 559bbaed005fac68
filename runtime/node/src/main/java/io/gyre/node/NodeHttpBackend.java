package io.gyre.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.identity.PeerId;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.cluster.ClusterHealth;
import io.gyre.node.http.ListedService;
import io.gyre.node.http.NodeApi;
import io.gyre.node.particle.ParticleTrace;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.DeployedService;
import io.gyre.node.services.ServiceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The node as its HTTP API sees it. */
record NodeHttpBackend(GyreNode node) implements NodeApi {
  @Override
  public Optional<io.gyre.node.http.MarketEndpoints> market() {
    return Optional.of(node.market().http(node.peerId(), node.registry(node.peerId())));
  }

  @Override
  public String peerId() {
    return node.peerId().base58();
  }

  @Override
  public List<String> hostedPeerIds() {
    return node.peerIds().stream().map(PeerId::base58).toList();
  }

  @Override
  public int memberCount() {
    return node.memberCount();
  }

  @Override
  public Collection<String> knownPeerIds() {
    return node.knownPeers().peerIds();
  }

  @Override
  public long particlesInFlight() {
    return node.metrics().particlesInFlight.get();
  }

  @Override
  public List<ListedService> services() {
    List<ListedService> out = new ArrayList<>();
    for (ServiceRecord service : node.clusterServices()) {
      if (node.knownPeers().contains(service.hostPeerId())) {
        out.add(new ListedService(service, true));
      } else if (node.knownPeers().unreachablePeerIds().contains(service.hostPeerId())) {
        out.add(new ListedService(service, false));
      }
      // A host neither reachable nor unreachable has left the cluster: its services are gone.
    }
    return out;
  }

  @Override
  public CompletionStage<JsonNode> describeService(String idOrAlias) {
    return node.describeService(idOrAlias);
  }

  @Override
  public CompletionStage<DeployedService> deploy(byte[] module, Optional<String> alias) {
    return node.deploy(module, alias);
  }

  @Override
  public CompletionStage<String> removeService(String idOrAlias) {
    return node.removeService(idOrAlias);
  }

  @Override
  public ClusterHealth clusterHealth() {
    return node.clusterHealth();
  }

  @Override
  public OperatorToken operatorToken() {
    return node.operatorToken();
  }

  @Override
  public List<String> clientAddresses() {
    return node.clientAddresses().stream().map(Object::toString).toList();
  }

  @Override
  public int attachedClients() {
    return node.attachedClients();
  }

  @Override
  public Optional<ParticleTrace.Snapshot> trace(String particleId) {
    return node.traces().snapshot(particleId);
  }

  @Override
  public String metricsText() {
    return node.metrics().scrape();
  }

  @Override
  public CompletionStage<RunResult> run(RunRequest request) {
    return node.run(request);
  }
}
