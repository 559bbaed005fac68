package io.gyre.node;

import io.gyre.identity.PeerId;
import io.gyre.node.http.NodeApi;
import io.gyre.node.particle.ParticleTrace;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.ServiceRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The node as its HTTP API sees it. */
record NodeHttpBackend(GyreNode node) implements NodeApi {
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
  public List<ServiceRecord> clusterServices() {
    return node.clusterServices();
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
