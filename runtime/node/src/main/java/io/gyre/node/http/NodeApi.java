package io.gyre.node.http;

import io.gyre.node.particle.ParticleTrace;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.ServiceRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the HTTP API asks of the node it serves (the node's composition root provides it). */
public interface NodeApi {
  /** The node's own peer id (its primary peer). */
  String peerId();

  /** Every peer the node hosts, the primary first. */
  List<String> hostedPeerIds();

  int memberCount();

  Collection<String> knownPeerIds();

  long particlesInFlight();

  /** Every service in the cluster, as replicated to this node. */
  List<ServiceRecord> clusterServices();

  Optional<ParticleTrace.Snapshot> trace(String particleId);

  /** The node's metrics in Prometheus' text format. */
  String metricsText();

  CompletionStage<RunResult> run(RunRequest request);
}
