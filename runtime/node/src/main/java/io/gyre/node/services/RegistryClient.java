package io.gyre.node.services;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.gyre.node.actor.AskReplies;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How builtins change a peer's {@link ServiceRegistry} (asking it) and read it (the snapshot it
 * keeps current, without asking).
 */
public final class RegistryClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ActorRef<ServiceRegistry.Command> registry;
  private final AtomicReference<ServiceTable> table;
  private final Scheduler scheduler;

  public RegistryClient(
      ActorRef<ServiceRegistry.Command> registry,
      AtomicReference<ServiceTable> table,
      Scheduler scheduler) {
    this.registry = registry;
    this.table = table;
    this.scheduler = scheduler;
  }

  public ServiceTable table() {
    return table.get();
  }

  public CompletionStage<String> addModule(ModuleRecord module) {
    return AskReplies.plain(
        AskPattern.askWithStatus(
            registry, r -> new ServiceRegistry.AddModule(module, r), TIMEOUT, scheduler));
  }

  public CompletionStage<String> addBlueprint(BlueprintRecord blueprint) {
    return AskReplies.plain(
        AskPattern.askWithStatus(
            registry, r -> new ServiceRegistry.AddBlueprint(blueprint, r), TIMEOUT, scheduler));
  }

  public CompletionStage<ServiceRecord> createService(
      String serviceId, String blueprintId, String ownerPeerId) {
    return AskReplies.plain(
        AskPattern.askWithStatus(
            registry,
            r -> new ServiceRegistry.CreateService(serviceId, blueprintId, ownerPeerId, r),
            TIMEOUT,
            scheduler));
  }

  public CompletionStage<Done> removeService(String idOrAlias, String requesterPeerId) {
    return AskReplies.plain(
        AskPattern.askWithStatus(
            registry,
            r -> new ServiceRegistry.RemoveService(idOrAlias, requesterPeerId, r),
            TIMEOUT,
            scheduler));
  }

  public CompletionStage<Done> addAlias(String alias, String idOrAlias, String requesterPeerId) {
    return AskReplies.plain(
        AskPattern.askWithStatus(
            registry,
            r -> new ServiceRegistry.AddAlias(alias, idOrAlias, requesterPeerId, r),
            TIMEOUT,
            scheduler));
  }
}
