package io.gyre.node.market;

import akka.Done;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.PeerDuties;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deploy.Deployment;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ModuleRecord;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceRuntime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A provider peer's deal services, deployed as {@code dist.add_module}, {@code dist.add_blueprint}
 * and {@code srv.create} would: modules stored and recorded, the blueprint added, the service
 * started and recorded as owned by the deal's owner, aliased as the deal. Both directions are
 * idempotent (the marketplace repeats what it has not seen complete).
 */
final class DealServices {
  private final PeerId peer;
  private final RegistryClient registry;
  private final ServiceRuntime runtime;
  private final Executor executor;
  private final ClusterModules modules;
  private final Marketplace market;

  DealServices(
      PeerId peer,
      RegistryClient registry,
      ServiceRuntime runtime,
      Executor executor,
      ClusterModules modules,
      Marketplace market) {
    this.peer = peer;
    this.market = market;
    this.registry = registry;
    this.runtime = runtime;
    this.executor = executor;
    this.modules = modules;
  }

  CompletionStage<Done> deploy(Deployment deployment) {
    if (!deployment.peer().equals(peer)) {
      return Agents.failed(
          "peer " + peer + " was asked to deploy for another peer, " + deployment.peer());
    }
    String serviceId = DealServiceIds.serviceId(deployment.deal(), peer);
    if (registry.table().resolve(serviceId).isPresent()) {
      return aliased(deployment, serviceId);
    }
    BlueprintRecord blueprint = BlueprintRecord.of(deployment.blueprint(), deployment.modules());
    return addModules(deployment, 0)
        .thenCompose(added -> registry.addBlueprint(blueprint))
        .thenApplyAsync(
            id -> {
              runtime.startService(serviceId, blueprint);
              return id;
            },
            executor)
        .thenCompose(
            id ->
                registry
                    .createService(serviceId, blueprint.id(), deployment.owner().base58())
                    .<Done>thenApply(created -> Done.getInstance())
                    .exceptionallyCompose(
                        refused ->
                            registry.table().resolve(serviceId).isPresent()
                                ? CompletableFuture.completedStage(Done.getInstance())
                                : CompletableFuture.failedStage(refused)))
        .thenCompose(created -> aliased(deployment, serviceId));
  }

  /** Records the deal's modules one by one; the facade (last) under the blueprint's name. */
  private CompletionStage<Done> addModules(Deployment deployment, int next) {
    List<String> hashes = deployment.modules();
    if (next >= hashes.size()) {
      return CompletableFuture.completedStage(Done.getInstance());
    }
    String hash = hashes.get(next);
    String name =
        next == hashes.size() - 1 ? deployment.blueprint() : "module-" + hash.substring(0, 12);
    return modules
        .bytes(hash)
        .thenCompose(
            bytes ->
                registry.addModule(
                    new ModuleRecord(
                        name, hash, JsonNodeFactory.instance.objectNode().put("name", name))))
        .thenCompose(added -> addModules(deployment, next + 1));
  }

  /** The deal's alias on this peer; an alias refused (taken) leaves the service reachable by id. */
  private CompletionStage<Done> aliased(Deployment deployment, String serviceId) {
    String alias = DealServiceIds.alias(deployment.deal());
    Optional<ServiceRecord> service = registry.table().resolve(serviceId);
    if (service.isPresent() && service.get().aliases().contains(alias)) {
      return CompletableFuture.completedStage(Done.getInstance());
    }
    return registry
        .addAlias(alias, serviceId, deployment.owner().base58())
        .exceptionally(refused -> Done.getInstance());
  }

  /**
   * Removes the deal's service here, unless the deal holds a unit on this peer again (a deal below
   * its minimum releases its units and may be matched to the same peer at once: the removal of the
   * old unit must not take the new unit's service).
   */
  CompletionStage<Done> remove(Deployment deployment) {
    return market
        .duties(peer)
        .thenCompose(
            duties ->
                servedHere(duties, deployment)
                    ? CompletableFuture.completedStage(Done.getInstance())
                    : removeService(deployment));
  }

  private static boolean servedHere(PeerDuties duties, Deployment deployment) {
    return duties.units().stream()
        .anyMatch(u -> u.deal().equals(deployment.deal()) && u.phase() != Deal.Phase.ENDED);
  }

  private CompletionStage<Done> removeService(Deployment deployment) {
    String serviceId = DealServiceIds.serviceId(deployment.deal(), peer);
    if (registry.table().resolve(serviceId).isEmpty()) {
      return CompletableFuture.completedStage(Done.getInstance());
    }
    return registry
        .removeService(serviceId, deployment.owner().base58())
        .thenApply(
            done -> {
              runtime.stopService(serviceId);
              return Done.getInstance();
            });
  }

  /** A module this node holds, with the name this peer knows it by. */
  Optional<ProviderAgent.ModuleBytes> module(String hash) {
    return runtime
        .moduleBytes(hash)
        .map(
            bytes -> {
              ModuleRecord known = registry.table().modules().get(hash);
              return new ProviderAgent.ModuleBytes(
                  known == null
                      ? "module-" + hash.substring(0, Math.min(12, hash.length()))
                      : known.name(),
                  bytes);
            });
  }
}
