package io.gyre.node;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.typed.Cluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Multiaddr;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.actor.AskReplies;
import io.gyre.node.builtins.SrvBuiltin;
import io.gyre.node.cluster.ClusterHealth;
import io.gyre.node.cluster.KnownPeers;
import io.gyre.node.cluster.RememberedMembers;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.http.HttpApi;
import io.gyre.node.market.MarketNode;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.particle.ParticleSession;
import io.gyre.node.particle.ParticleTraces;
import io.gyre.node.relay.ClientRelay;
import io.gyre.node.relay.RelaySettings;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.run.RunSession;
import io.gyre.node.services.DeployedService;
import io.gyre.node.services.JavaService;
import io.gyre.node.services.NoSuchServiceException;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceDeployer;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceTable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Gyre node: one Akka actor system, a member of the Gyre cluster, hosting one peer (or
 * several, for local networks and tests), with its journal database and its HTTP API.
 *
 * <p>{@link #start} returns once the node's peers have their services back from the journal and the
 * HTTP API listens. {@link #stop} leaves gracefully: the peers take no new particles, finish the
 * work of those they hold, then the node leaves the cluster.
 */
public final class GyreNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GyreNode.class);

  private final NodeSettings settings;
  private final ActorSystem<Void> system;
  private final NodeParts parts;
  private final List<HostedPeer> peers;
  private Optional<HttpApi.Binding> http = Optional.empty();
  private final OperatorToken token;
  private Optional<ClientRelay> relay = Optional.empty();
  private final MarketNode market;

  private GyreNode(
      NodeSettings settings,
      ActorSystem<Void> system,
      NodeParts parts,
      List<HostedPeer> peers,
      MarketNode market) {
    this.settings = settings;
    this.market = market;
    this.system = system;
    this.parts = parts;
    this.peers = peers;
    this.token = OperatorToken.loadOrCreate(settings.dataDir());
  }

  public static GyreNode start(NodeSettings settings) {
    KeyPair.setFastVerify(settings.fastVerify());
    NodeStartup.Started started = NodeStartup.start(settings);
    GyreNode node =
        new GyreNode(
            settings, started.system(), started.parts(), started.peers(), started.market());
    try {
      RelaySettings clients = RelaySettings.from(settings);
      if (clients.enabled()) {
        HostedPeer primary = started.peers().get(0);
        ClientRelay relay =
            ClientRelay.start(
                clients,
                primary.key(),
                started.system(),
                primary.inbox(),
                started.parts().clients(),
                started.parts().metrics(),
                started.parts().clock());
        node.relay = Optional.of(relay);
        started.system().getWhenTerminated().thenRun(relay::close);
      }
      if (settings.http().enabled()) {
        node.http =
            Optional.of(
                HttpApi.bind(
                    new NodeHttpBackend(node),
                    started.system(),
                    settings.http().host(),
                    settings.http().port(),
                    settings.limits().maxParticleBytes(),
                    settings.drainTimeout()));
      }
      GracefulLeave.register(
          started.system(), started.peers(), settings.drainTimeout(), started.parts().metrics());
      started
          .parts()
          .metrics()
          .gauge("gyre_cluster_members", "Cluster members that are up", node::memberCount);
      started
          .parts()
          .metrics()
          .gauge(
              "gyre_known_peers",
              "Peers this node can reach",
              () -> started.parts().knownPeers().peerIds().size());
    } catch (RuntimeException e) {
      started.system().terminate();
      throw e;
    }
    LOG.info(
        "node {} up: peers {}, cluster port {}, http {}, clients {}",
        started.system().address(),
        node.peerIds(),
        node.clusterPort(),
        node.http.map(b -> b.address().toString()).orElse("off"),
        node.clientAddresses());
    return node;
  }

  /** The primary peer's id (the node's own identity). */
  public PeerId peerId() {
    return peers.get(0).key().peerId();
  }

  /** Every peer this node hosts, the primary first. */
  public List<PeerId> peerIds() {
    return peers.stream().map(p -> p.key().peerId()).toList();
  }

  public NodeSettings settings() {
    return settings;
  }

  /** The Artery port this node listens on (the configured one, or the one picked for 0). */
  public int clusterPort() {
    return system.address().getPort().orElse(settings.clusterPort());
  }

  /** The HTTP API's address, when it runs. */
  public Optional<InetSocketAddress> httpAddress() {
    return http.map(HttpApi.Binding::address);
  }

  /**
   * Where clients reach this node's primary peer, their relay: TCP and WebSocket multiaddrs ending
   * in {@code /p2p/<peer id>} (empty when {@code gyre.node.client.enabled} is off).
   */
  public List<Multiaddr> clientAddresses() {
    return relay.map(ClientRelay::addresses).orElse(List.of());
  }

  /** Clients attached to this node's relay now. */
  public int attachedClients() {
    return parts.clients().size();
  }

  public NodeMetrics metrics() {
    return parts.metrics();
  }

  public ParticleTraces traces() {
    return parts.traces();
  }

  public KnownPeers knownPeers() {
    return parts.knownPeers();
  }

  public int memberCount() {
    int up = 0;
    for (akka.cluster.Member member : Cluster.get(system).state().getMembers()) {
      if (member.status() == akka.cluster.MemberStatus.up()) {
        up++;
      }
    }
    return up;
  }

  /** Every service in the cluster, as replicated to this node. */
  public List<ServiceRecord> clusterServices() {
    return parts.clusterServices().get();
  }

  /** One hosted peer's modules, blueprints and services. */
  public ServiceTable services(PeerId peer) {
    return hosted(peer).services().get();
  }

  /** One hosted peer's registry: add modules and blueprints, create and remove services. */
  public RegistryClient registry(PeerId peer) {
    HostedPeer hosted = hosted(peer);
    return new RegistryClient(hosted.registry(), hosted.services(), system.scheduler());
  }

  /** Registers a Java service on one of this node's peers (it shadows a builtin of that id). */
  public void registerService(PeerId peer, String serviceId, JavaService service) {
    hosted(peer).javaServices().register(serviceId, service);
  }

  /** Completes when this node knows every one of {@code peerIds} (its own and the cluster's). */
  public CompletableFuture<Void> awaitPeers(Collection<String> peerIds) {
    return parts.knownPeers().awaitKnown(peerIds);
  }

  /**
   * Starts a particle with {@code initPeer} (one of this node's peers) as its init peer; the
   * session answers its getDataSrv/callbackSrv/errorHandlingSrv calls. Completes with the reason
   * when the particle is refused, empty when it was taken.
   */
  public CompletionStage<Optional<String>> startParticle(
      PeerId initPeer, Particle particle, ParticleSession session) {
    HostedPeer peer = hosted(initPeer);
    return AskReplies.plain(
            AskPattern.<ParticleInbox.Command, ParticleInbox.Started>ask(
                peer.inbox(),
                replyTo -> new ParticleInbox.Start(particle, session, replyTo),
                Duration.ofSeconds(10),
                system.scheduler()))
        .thenApply(ParticleInbox.Started::refusal);
  }

  /**
   * Runs a compiled function with one of this node's peers as the init peer (the primary unless the
   * request names another) and completes with its response, its error, or why there was neither.
   * Never completes exceptionally for bad input: that is a FAILED or REFUSED result.
   */
  public CompletionStage<RunResult> run(RunRequest request) {
    Optional<HostedPeer> peer =
        request.initPeerId().isEmpty()
            ? Optional.of(peers.get(0))
            : peers.stream().filter(p -> p.peerId().equals(request.initPeerId().get())).findFirst();
    String particleId = UUID.randomUUID().toString();
    long ttlMs = request.ttl().toMillis();
    RunSession session =
        new RunSession(
            particleId,
            request.relayPeerId().orElse(peer.map(HostedPeer::peerId).orElse("")),
            request.arguments(),
            ttlMs,
            request.awaitResponse(),
            parts.clock());
    if (peer.isEmpty()) {
      session.refused("peer " + request.initPeerId().get() + " is not hosted by this node");
      return session.result();
    }
    CompletionStage<RunResult> observed = session.result().thenApply(this::observedRun);
    Particle particle;
    try {
      particle =
          ParticleSignature.sign(
              peer.get().key(), particleId, parts.clock().millis(), ttlMs, request.script());
    } catch (IllegalArgumentException e) {
      session.refused(e.getMessage());
      return observed;
    }
    startParticle(peer.get().key().peerId(), particle, session)
        .whenComplete(
            (refusal, error) -> {
              if (error != null) {
                session.refused(
                    "peer " + peer.get().peerId() + " did not answer: " + error.getMessage());
              } else {
                refusal.ifPresent(session::refused);
              }
            });
    return observed;
  }

  /**
   * A particle that started counts in the run latency, whatever its outcome; a refusal does not.
   */
  private RunResult observedRun(RunResult result) {
    if (result.status() != RunResult.Status.REFUSED) {
      parts.metrics().runSeconds.observeNanos(result.elapsedMs() * 1_000_000L);
    }
    return result;
  }

  /** This node's part of the marketplace: its calls, its settings. */
  public MarketNode market() {
    return market;
  }

  /** The bearer token of this node's operator (its data directory's {@code http.token}). */
  public OperatorToken operatorToken() {
    return token;
  }

  /** Deploys a module as a service of the primary peer, owned by it; all or nothing. */
  public CompletionStage<DeployedService> deploy(byte[] module, Optional<String> alias) {
    return new ServiceDeployer(
            registry(peerId()), parts.serviceRuntime(), parts.serviceExecutor(), peerId().base58())
        .deploy(module, alias);
  }

  /** Removes a service of the primary peer (as its owner, the peer); completes with its id. */
  public CompletionStage<String> removeService(String idOrAlias) {
    return primaryService(idOrAlias)
        .thenCompose(
            service ->
                registry(peerId())
                    .removeService(service.id(), peerId().base58())
                    .thenApply(
                        done -> {
                          parts.serviceRuntime().stopService(service.id());
                          return service.id();
                        }));
  }

  /** A service of the primary peer: aqua-lib's {@code Service} and its {@code interface}. */
  public CompletionStage<JsonNode> describeService(String idOrAlias) {
    return primaryService(idOrAlias)
        .thenApplyAsync(
            service -> {
              ObjectNode out = SrvBuiltin.serviceJson(service);
              out.set(
                  "interface",
                  parts
                      .serviceRuntime()
                      .serviceInterface(
                          service.id(),
                          services(peerId()).blueprints().get(service.blueprintId())));
              return out;
            },
            parts.serviceExecutor());
  }

  private CompletionStage<ServiceRecord> primaryService(String idOrAlias) {
    return services(peerId())
        .resolve(idOrAlias)
        .map(CompletableFuture::completedFuture)
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new NoSuchServiceException(idOrAlias, peerId().base58())));
  }

  /** How this node sees its cluster. */
  public ClusterHealth clusterHealth() {
    akka.cluster.ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
    java.util.List<String> up = new java.util.ArrayList<>();
    int all = 0;
    for (akka.cluster.Member member : state.getMembers()) {
      all++;
      if (member.status() == akka.cluster.MemberStatus.up()) {
        up.add(hostPort(member.address()));
      }
    }
    java.util.List<String> unreachable = new java.util.ArrayList<>();
    for (akka.cluster.Member member : state.getUnreachable()) {
      unreachable.add(hostPort(member.address()));
    }
    String self = hostPort(system.address());
    java.util.List<String> missing =
        new RememberedMembers(settings.dataDir())
            .others(self).stream().filter(m -> !up.contains(m)).toList();
    return new ClusterHealth(up, unreachable, (all - unreachable.size()) * 2 > all, missing);
  }

  private static String hostPort(akka.actor.Address address) {
    return address.getHost().orElse("") + ":" + address.getPort().orElse(0);
  }

  /** The key of one of this node's peers (it signs the particles that peer starts). */
  public KeyPair key(PeerId peer) {
    return hosted(peer).key();
  }

  private HostedPeer hosted(PeerId peer) {
    return peers.stream()
        .filter(p -> p.key().peerId().equals(peer))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("peer " + peer + " is not hosted by this node"));
  }

  ActorSystem<Void> system() {
    return system;
  }

  /** Leaves gracefully (see the class comment); completes when the actor system has terminated. */
  public CompletionStage<Done> stop() {
    return CoordinatedShutdown.get(system)
        .runAll(CoordinatedShutdown.unknownReason())
        .thenCompose(done -> system.getWhenTerminated());
  }

  /** Terminates at once, as a crash would: no leaving, no draining. For tests of failures. */
  public void crash() {
    system.terminate();
  }

  public CompletionStage<Done> whenTerminated() {
    return system.getWhenTerminated();
  }

  @Override
  public void close() {
    stop().toCompletableFuture().join();
  }
}
