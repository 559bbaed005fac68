package io.gyre.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.gyre.identity.KeyPair;
import io.gyre.node.builtins.BuiltinService;
import io.gyre.node.builtins.Builtins;
import io.gyre.node.builtins.ConsoleBuiltin;
import io.gyre.node.builtins.DistBuiltin;
import io.gyre.node.builtins.JsClientBuiltins;
import io.gyre.node.builtins.KadBuiltin;
import io.gyre.node.builtins.PeerBuiltin;
import io.gyre.node.builtins.SrvBuiltin;
import io.gyre.node.cluster.MemberWatch;
import io.gyre.node.cluster.PeerDirectory;
import io.gyre.node.cluster.RememberedMembers;
import io.gyre.node.market.MarketNode;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.particle.PeerRuntime;
import io.gyre.node.relay.RelayRoutes;
import io.gyre.node.services.JavaServices;
import io.gyre.node.services.LocalServices;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceDirectory;
import io.gyre.node.services.ServiceRegistry;
import io.gyre.node.services.ServiceTable;
import io.gyre.node.services.wasm.DeployedServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** The node's root actor: it only wires the directories and each hosted peer's actors. */
final class NodeGuardian {
  /** Service ids taken by builtins; no alias may shadow them. */
  static final Set<String> BUILTIN_IDS =
      Set.of(
          "peer",
          "kad",
          "srv",
          "dist",
          "op",
          "math",
          "cmp",
          "array",
          "json",
          "debug",
          "run-console",
          "getDataSrv",
          "callbackSrv",
          "errorHandlingSrv",
          "market");

  private NodeGuardian() {}

  static Behavior<Void> create(
      NodeParts parts,
      List<KeyPair> keys,
      MarketNode market,
      CompletableFuture<List<HostedPeer>> ready) {
    return Behaviors.setup(
        context -> {
          market.start(context.getSystem());
          context.spawn(PeerDirectory.create(parts.knownPeers()), "peer-directory");
          context.spawn(
              MemberWatch.create(new RememberedMembers(parts.settings().dataDir())),
              "member-watch");
          ActorRef<ServiceDirectory.Command> serviceDirectory =
              context.spawn(ServiceDirectory.create(parts.clusterServices()), "service-directory");
          List<HostedPeer> peers = new ArrayList<>();
          for (KeyPair key : keys) {
            peers.add(spawnPeer(context, parts, key, serviceDirectory, market));
          }
          ready.complete(List.copyOf(peers));
          return Behaviors.empty();
        });
  }

  private static HostedPeer spawnPeer(
      ActorContext<Void> context,
      NodeParts parts,
      KeyPair key,
      ActorRef<ServiceDirectory.Command> serviceDirectory,
      MarketNode market) {
    String peerId = key.peerId().base58();
    AtomicReference<ServiceTable> table = new AtomicReference<>(ServiceTable.EMPTY);
    CompletableFuture<Void> recovered = new CompletableFuture<>();
    ActorRef<ServiceRegistry.Command> registry =
        context.spawn(
            ServiceRegistry.create(
                peerId,
                BUILTIN_IDS,
                new ServiceRegistry.Listener() {
                  @Override
                  public void changed(ServiceTable changed) {
                    table.set(changed);
                    serviceDirectory.tell(
                        new ServiceDirectory.Publish(peerId, changed.serviceList()));
                    recovered.complete(null);
                  }

                  @Override
                  public void recoveryFailed(Throwable cause) {
                    recovered.completeExceptionally(
                        new IllegalStateException(
                            "the service registry of peer "
                                + peerId
                                + " cannot read the journal: "
                                + cause.getMessage(),
                            cause));
                  }
                }),
            "services-" + peerId);
    RegistryClient registryClient =
        new RegistryClient(registry, table, context.getSystem().scheduler());
    JavaServices javaServices = new JavaServices(parts.serviceExecutor());
    List<BuiltinService> builtinList =
        new ArrayList<>(builtins(context, parts, peerId, registryClient));
    builtinList.add(market.builtin());
    Builtins builtins = new Builtins(builtinList);
    context.spawn(market.agent(key, registryClient), "market-agent-" + peerId);
    var system = context.getSystem();
    LocalServices services =
        new LocalServices(
            List.of(
                javaServices,
                builtins,
                new JsClientBuiltins(parts.clock(), delay -> after(system, delay)),
                new DeployedServices(table::get, parts.serviceRuntime())),
            parts.metrics());
    PeerRuntime runtime =
        new PeerRuntime(
            key,
            services,
            parts.interpreter(),
            new RelayRoutes(parts.knownPeers(), parts.clients()),
            parts.settings().limits(),
            parts.metrics(),
            parts.traces(),
            parts.settings().trace().log(),
            parts.clock());
    ActorRef<ParticleInbox.Command> inbox =
        context.spawn(
            // A bug that throws in the inbox must not take the peer down: it restarts (the
            // particles it held are dropped, as at their TTL) and registers again.
            Behaviors.supervise(ParticleInbox.create(runtime, parts.inFlight()))
                .onFailure(akka.actor.typed.SupervisorStrategy.restart()),
            peerId);
    return new HostedPeer(key, runtime, inbox, registry, javaServices, table, recovered);
  }

  private static List<BuiltinService> builtins(
      ActorContext<Void> context, NodeParts parts, String peerId, RegistryClient registry) {
    var system = context.getSystem();
    PeerBuiltin.Neighbourhood neighbourhood = parts.neighbourhood(peerId, system.address());
    return List.of(
        PeerBuiltin.create(neighbourhood, parts.clock(), delay -> after(system, delay)),
        KadBuiltin.create(
            () -> parts.knownPeers().peerIds().stream().filter(id -> !id.equals(peerId)).toList()),
        SrvBuiltin.create(registry, parts.serviceRuntime(), parts.serviceExecutor()),
        DistBuiltin.create(registry, parts.serviceRuntime(), parts.serviceExecutor()),
        ConsoleBuiltin.create());
  }

  private static CompletionStage<Void> after(
      akka.actor.typed.ActorSystem<?> system, Duration delay) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    system.scheduler().scheduleOnce(delay, () -> done.complete(null), system.executionContext());
    return done;
  }
}
