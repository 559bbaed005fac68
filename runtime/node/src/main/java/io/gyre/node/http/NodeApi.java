package io.gyre.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.cluster.ClusterHealth;
import io.gyre.node.particle.ParticleTrace;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.DeployedService;
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

  /**
   * The services of the cluster's members, each marked reachable or not (left members' omitted).
   */
  List<ListedService> services();

  /** One of this node's primary peer's services with its interface; fails if there is none. */
  CompletionStage<JsonNode> describeService(String idOrAlias);

  /** Deploys a module as a service of the primary peer, owned by it; all or nothing. */
  CompletionStage<DeployedService> deploy(byte[] module, Optional<String> alias);

  /** Removes one of the primary peer's services; completes with its id. */
  CompletionStage<String> removeService(String idOrAlias);

  ClusterHealth clusterHealth();

  /** The operator's token, which the acting endpoints require. */
  OperatorToken operatorToken();

  /** Where clients reach this node's relay (multiaddrs with {@code /p2p/<peer id>}). */
  default List<String> clientAddresses() {
    return List.of();
  }

  /** Clients attached to this node's relay now. */
  default int attachedClients() {
    return 0;
  }

  Optional<ParticleTrace.Snapshot> trace(String particleId);

  /** The marketplace's endpoints (every node reaches the cluster's singleton). */
  default Optional<MarketEndpoints> market() {
    return Optional.empty();
  }

  /** The node's metrics in Prometheus' text format. */
  String metricsText();

  CompletionStage<RunResult> run(RunRequest request);
}
