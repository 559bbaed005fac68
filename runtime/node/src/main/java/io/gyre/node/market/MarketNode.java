package io.gyre.node.market;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.ClusterSingletonSettings;
import akka.cluster.typed.SingletonActor;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketActor;
import io.gyre.marketplace.MarketGate;
import io.gyre.marketplace.MarketPorts;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.epoch.EntropySource;
import io.gyre.marketplace.epoch.WallClockEpochs;
import io.gyre.node.builtins.BuiltinService;
import io.gyre.node.http.MarketEndpoints;
import io.gyre.node.services.ModuleRecord;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceRuntime;
import io.gyre.node.services.wasm.CallRecording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's part of the marketplace. Every node runs a proxy to the marketplace singleton (which
 * runs on a member with the role {@value MarketNodeSettings#ROLE}, on that member's journal), the
 * builtin service {@code market} on each of its peers, the HTTP endpoints, and for each hosted peer
 * a {@link ProviderAgent}: deployments, receipts, capacity proofs, batch commitments.
 */
public final class MarketNode {
  /** The singleton's name in the cluster. */
  static final String SINGLETON = "gyre-market";

  private final MarketNodeSettings settings;
  private final ServiceRuntime runtime;
  private final ExecutorService executor;
  private final NodeReceipts receipts = new NodeReceipts();
  private final AuditCode auditCode = new AuditCode();
  private final ExecutorService solvers;
  private volatile Marketplace marketplace;
  private volatile ClusterModules modules;
  private volatile MarketRequests requests;
  private volatile java.util.function.BooleanSupplier marketNodeUp = () -> false;

  private MarketNode(
      MarketNodeSettings settings, ServiceRuntime runtime, ExecutorService executor) {
    this.settings = settings;
    this.runtime = runtime;
    this.executor = executor;
    AtomicInteger count = new AtomicInteger();
    this.solvers =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "gyre-capacity-" + count.incrementAndGet());
              thread.setDaemon(true);
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            });
  }

  /**
   * @param config the node's whole configuration ({@code gyre.node.market})
   * @param executor where module work runs (the node's service threads)
   */
  public static MarketNode create(Config config, ServiceRuntime runtime, ExecutorService executor) {
    return new MarketNode(MarketNodeSettings.from(config), runtime, executor);
  }

  public MarketNodeSettings settings() {
    return settings;
  }

  /** The Akka settings this node adds: the cluster role when it may host the marketplace. */
  public Config akkaConfig() {
    return settings.enabled()
        ? com.typesafe.config.ConfigFactory.empty()
            .withValue(
                "akka.cluster.roles",
                ConfigValueFactory.fromIterable(List.of(MarketNodeSettings.ROLE)))
        : com.typesafe.config.ConfigFactory.empty();
  }

  /** The hook that makes calls of deals' services yield receipts on this node's peers. */
  public CallRecording recording() {
    return receipts;
  }

  /** Starts the singleton (where this node has the role) and its proxy; before any agent. */
  public void start(ActorSystem<?> system) {
    Agents agents = new Agents(system, settings.askTimeout());
    modules = new ClusterModules(runtime, agents, executor);
    ProofsCheck proofs = new ProofsCheck(settings.puzzle(), auditCode);
    MarketPorts ports =
        new MarketPorts(
            new WallClockEpochs(Instant.EPOCH, settings.epochLength(), Clock.systemUTC()),
            EntropySource.secure(),
            proofs,
            new ClusterReceiptSource(() -> marketplace, agents, modules, auditCode),
            new ClusterDeployer(agents));
    ActorRef<MarketActor.Command> proxy =
        ClusterSingleton.get(system)
            .init(
                SingletonActor.of(
                        MarketGate.create(settings.marketId(), settings.marketSettings(), ports),
                        SINGLETON)
                    .withSettings(
                        ClusterSingletonSettings.create(system).withRole(MarketNodeSettings.ROLE)));
    marketplace = new Marketplace(proxy, system.scheduler(), settings.askTimeout());
    akka.cluster.Cluster cluster =
        akka.cluster.Cluster.get(akka.actor.typed.javadsl.Adapter.toClassic(system));
    // This node when it has the role (it may still be joining), else a member with it that is up.
    marketNodeUp =
        () ->
            settings.enabled()
                || java.util.stream.StreamSupport.stream(
                        cluster.state().getMembers().spliterator(), false)
                    .anyMatch(
                        m ->
                            m.hasRole(MarketNodeSettings.ROLE)
                                && m.status() == akka.cluster.MemberStatus.up());
    requests = new MarketRequests(() -> marketplace, marketNodeUp);
    system
        .getWhenTerminated()
        .thenRun(
            () -> {
              solvers.shutdownNow();
              proofs.close();
            });
  }

  /** The marketplace's calls, through the singleton's proxy. */
  public Marketplace marketplace() {
    return marketplace;
  }

  /** The provider agent of one hosted peer. */
  public Behavior<ProviderAgent.Command> agent(KeyPair key, RegistryClient registry) {
    ProviderReceipts peerReceipts = new ProviderReceipts(key);
    receipts.add(peerReceipts);
    DealServices services =
        new DealServices(key.peerId(), registry, runtime, executor, modules, marketplace);
    EpochDuties duties =
        new EpochDuties(
            key.peerId(),
            marketplace,
            marketNodeUp,
            peerReceipts,
            settings,
            solvers,
            Clock.systemUTC());
    Duration tick =
        Duration.ofMillis(Math.max(100, Math.min(500, settings.epochLength().toMillis() / 10)));
    return ProviderAgent.create(key.peerId(), services, peerReceipts, duties, tick);
  }

  /** The builtin service {@code market}. */
  public BuiltinService builtin() {
    return MarketBuiltin.create(requests);
  }

  /** The HTTP API's marketplace: acting as {@code operator}, storing modules in its registry. */
  public MarketEndpoints http(PeerId operator, RegistryClient registry) {
    return new MarketHttp(requests, operator, (bytes, name) -> upload(bytes, name, registry));
  }

  private CompletionStage<String> upload(byte[] module, String name, RegistryClient registry) {
    return CompletableFuture.supplyAsync(() -> runtime.addModule(module), executor)
        .thenCompose(
            hash ->
                registry
                    .addModule(
                        new ModuleRecord(
                            name, hash, JsonNodeFactory.instance.objectNode().put("name", name)))
                    .thenApply(added -> hash));
  }
}
