package io.gyre.node.services;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Deploys a one-module service on a peer for its operator, all or nothing: the module is checked
 * and stored, its blueprint added, the service started and recorded (owned by {@code ownerPeerId})
 * and aliased; when the alias is refused the service just made is removed again.
 */
public final class ServiceDeployer {
  private final RegistryClient registry;
  private final ServiceRuntime runtime;
  private final Executor executor;
  private final String ownerPeerId;

  public ServiceDeployer(
      RegistryClient registry, ServiceRuntime runtime, Executor executor, String ownerPeerId) {
    this.registry = registry;
    this.runtime = runtime;
    this.executor = executor;
    this.ownerPeerId = ownerPeerId;
  }

  public CompletionStage<DeployedService> deploy(byte[] wasm, Optional<String> alias) {
    String name = alias.orElse("service");
    String serviceId = UUID.randomUUID().toString();
    return CompletableFuture.supplyAsync(() -> runtime.addModule(wasm), executor)
        .thenCompose(
            hash ->
                registry
                    .addModule(
                        new ModuleRecord(
                            name, hash, JsonNodeFactory.instance.objectNode().put("name", name)))
                    .thenApply(added -> BlueprintRecord.of(name, List.of(hash))))
        .thenCompose(
            blueprint ->
                registry
                    .addBlueprint(blueprint)
                    .thenApplyAsync(
                        id -> {
                          runtime.startService(serviceId, blueprint);
                          return blueprint;
                        },
                        executor))
        .thenCompose(
            blueprint ->
                registry
                    .createService(serviceId, blueprint.id(), ownerPeerId)
                    .thenCompose(created -> aliased(serviceId, alias))
                    .thenApply(
                        done ->
                            new DeployedService(
                                serviceId,
                                blueprint.dependencies().get(0),
                                blueprint.id(),
                                alias,
                                runtime.aquaDeclaration(blueprint.dependencies().get(0)))));
  }

  /** Adds the alias; if it is refused, removes the service and fails with the alias's reason. */
  private CompletionStage<Void> aliased(String serviceId, Optional<String> alias) {
    if (alias.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return registry
        .addAlias(alias.get(), serviceId, ownerPeerId)
        .<Void>thenApply(done -> null)
        .exceptionallyCompose(
            refused ->
                registry
                    .removeService(serviceId, ownerPeerId)
                    .handle(
                        (removed, error) -> {
                          runtime.stopService(serviceId);
                          Throwable cause =
                              refused instanceof CompletionException && refused.getCause() != null
                                  ? refused.getCause()
                                  : refused;
                          throw new ServiceException(
                              "alias '"
                                  + alias.get()
                                  + "' refused, the service was not kept: "
                                  + cause.getMessage(),
                              cause);
                        }));
  }
}
