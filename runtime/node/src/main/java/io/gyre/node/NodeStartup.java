package io.gyre.node;

import akka.actor.typed.ActorSystem;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import io.gyre.air.Interpreter;
import io.gyre.identity.KeyPair;
import io.gyre.identity.files.PeerKeys;
import io.gyre.node.cluster.ClusterConfig;
import io.gyre.node.cluster.KnownPeers;
import io.gyre.node.cluster.RememberedMembers;
import io.gyre.node.config.NodeConfigException;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.market.MarketNode;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.particle.InFlightBudget;
import io.gyre.node.particle.ParticleTraces;
import io.gyre.node.persistence.JournalDatabase;
import io.gyre.node.relay.AttachedClients;
import io.gyre.node.services.ServiceTable;
import io.gyre.node.services.wasm.ModuleStore;
import io.gyre.node.services.wasm.WasmServiceRuntime;
import io.gyre.wasm.ServiceLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Brings a node up: its peers' keys, the journal's tables, the actor system with its guardian, the
 * cluster join, and each peer's services read back from the journal.
 */
final class NodeStartup {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NodeStartup.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** A node whose actors run and whose peers have their services back. */
  record Started(
      ActorSystem<Void> system, NodeParts parts, List<HostedPeer> peers, MarketNode market) {}

  private NodeStartup() {}

  static Started start(NodeSettings settings) {
    List<KeyPair> keys = loadKeys(settings);
    JournalDatabase.createSchema(settings.database());
    ExecutorService serviceExecutor =
        Executors.newFixedThreadPool(settings.serviceThreads(), daemonThreads("gyre-service-"));
    List<AtomicReference<ServiceTable>> tables = new CopyOnWriteArrayList<>();
    WasmServiceRuntime wasm =
        new WasmServiceRuntime(
            new ModuleStore(settings.dataDir().resolve("modules")),
            ServiceLimits.DEFAULT,
            hash -> moduleName(tables, hash),
            settings.serviceThreads());
    MarketNode market = MarketNode.create(settings.config(), wasm, serviceExecutor);
    wasm.recordCallsWith(market.recording());
    Config config =
        market
            .akkaConfig()
            .withFallback(ClusterConfig.akkaConfig(settings))
            .withFallback(JournalDatabase.akkaConfig(settings.database()))
            .withFallback(settings.config());
    NodeParts parts =
        new NodeParts(
            settings,
            new Interpreter(settings.limits().air()),
            new KnownPeers(),
            new NodeMetrics(),
            new ParticleTraces(settings.trace().keep()),
            Clock.systemUTC(),
            serviceExecutor,
            new InFlightBudget(
                settings.limits().maxInFlightParticles(), settings.limits().maxInFlightBytes()),
            new AtomicReference<>(List.of()),
            wasm,
            new AttachedClients());
    CompletableFuture<List<HostedPeer>> ready = new CompletableFuture<>();
    ActorSystem<Void> system =
        ActorSystem.create(
            NodeGuardian.create(parts, keys, market, ready), ClusterConfig.SYSTEM_NAME, config);
    system.getWhenTerminated().thenRun(serviceExecutor::shutdownNow).thenRun(wasm::close);
    try {
      List<HostedPeer> peers = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      peers.forEach(peer -> tables.add(peer.services()));
      if (settings.seedNodes().isEmpty()) {
        joinWithoutSeeds(settings, system);
      }
      CompletableFuture.allOf(
              peers.stream().map(HostedPeer::recovered).toArray(CompletableFuture[]::new))
          .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Started(system, parts, peers, market);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
      throw new IllegalStateException("interrupted while starting the node", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      system.terminate();
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the node did not start: " + cause.getMessage(), cause);
    }
  }

  /**
   * Founds a new cluster, unless this node remembers members of one (and was not told {@code
   * new-cluster}): then it rejoins through them, and never forms a cluster of its own meanwhile.
   */
  private static void joinWithoutSeeds(NodeSettings settings, ActorSystem<Void> system) {
    Cluster cluster = Cluster.get(system);
    String self = settings.host() + ":" + system.address().getPort().orElse(settings.clusterPort());
    List<String> remembered = new RememberedMembers(settings.dataDir()).others(self);
    if (remembered.isEmpty() || settings.newCluster()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      return;
    }
    LOG.warn(
        "no seed nodes given: rejoining the cluster through the members this node remembers {}"
            + " (start with --new-cluster to found a new cluster instead)",
        remembered);
    List<akka.actor.Address> seeds = new ArrayList<>();
    for (String member : remembered) {
      int colon = member.lastIndexOf(':');
      seeds.add(
          new akka.actor.Address(
              "akka",
              ClusterConfig.SYSTEM_NAME,
              member.substring(0, colon),
              Integer.parseInt(member.substring(colon + 1))));
    }
    cluster.manager().tell(new akka.cluster.typed.JoinSeedNodes(seeds));
  }

  /** A module's import name: what one of the node's peers added it as. */
  private static String moduleName(List<AtomicReference<ServiceTable>> tables, String hash) {
    for (AtomicReference<ServiceTable> table : tables) {
      var module = table.get().modules().get(hash);
      if (module != null) {
        return module.name();
      }
    }
    return "module-" + hash.substring(0, 12);
  }

  private static List<KeyPair> loadKeys(NodeSettings settings) {
    List<KeyPair> keys = new ArrayList<>();
    keys.add(PeerKeys.load(settings.identity()));
    settings.extraIdentities().forEach(source -> keys.add(PeerKeys.load(source)));
    HashSet<String> ids = new HashSet<>();
    for (KeyPair key : keys) {
      if (!ids.add(key.peerId().base58())) {
        throw new NodeConfigException(
            "configuration: peer "
                + key.peerId()
                + " is configured twice (identity and extra-identities)");
      }
    }
    return keys;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
