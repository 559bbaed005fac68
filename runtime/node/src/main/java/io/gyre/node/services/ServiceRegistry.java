package io.gyre.node.services;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.pattern.StatusReply;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.RecoveryFailed;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.gyre.node.actor.GyreSerializable;
import java.time.Duration;
import java.util.Optional;

/**
 * One peer's modules, blueprints and services, event-sourced in the journal so a restarted peer has
 * them all back. After every change (and after recovery) the new {@link ServiceTable} is handed to
 * {@code onChange}: the local snapshot readers use and the cluster-wide directory.
 */
public final class ServiceRegistry
    extends EventSourcedBehavior<ServiceRegistry.Command, ServiceRegistry.Event, ServiceTable> {

  public interface Command {}

  public record AddModule(ModuleRecord module, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  public record AddBlueprint(BlueprintRecord blueprint, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /**
   * Records a service made from a blueprint (its instance already runs, under {@code serviceId}).
   */
  public record CreateService(
      String serviceId,
      String blueprintId,
      String ownerPeerId,
      ActorRef<StatusReply<ServiceRecord>> replyTo)
      implements Command {}

  public record RemoveService(
      String idOrAlias, String requesterPeerId, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  public record AddAlias(
      String alias, String idOrAlias, String requesterPeerId, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  public interface Event extends GyreSerializable {}

  public record ModuleAdded(ModuleRecord module) implements Event {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ModuleAdded {}
  }

  public record BlueprintAdded(BlueprintRecord blueprint) implements Event {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public BlueprintAdded {}
  }

  public record ServiceCreated(ServiceRecord service) implements Event {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ServiceCreated {}
  }

  public record ServiceRemoved(String serviceId) implements Event {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ServiceRemoved {}
  }

  public record AliasAdded(String alias, String serviceId) implements Event {}

  private final String hostPeerId;
  private final java.util.Set<String> reservedNames;
  private final Listener listener;

  /** Told of every new table (after each change and after recovery) and of a failed recovery. */
  public interface Listener {
    void changed(ServiceTable table);

    void recoveryFailed(Throwable cause);
  }

  /**
   * @param reservedNames service ids no alias may take (the builtins')
   */
  public static Behavior<Command> create(
      String hostPeerId, java.util.Set<String> reservedNames, Listener listener) {
    return Behaviors.setup(context -> new ServiceRegistry(hostPeerId, reservedNames, listener));
  }

  private ServiceRegistry(
      String hostPeerId, java.util.Set<String> reservedNames, Listener listener) {
    // A journal write that fails (database down) restarts the registry, which recovers again.
    super(
        PersistenceId.of("gyre-services", hostPeerId),
        SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    this.hostPeerId = hostPeerId;
    this.reservedNames = java.util.Set.copyOf(reservedNames);
    this.listener = listener;
  }

  @Override
  public ServiceTable emptyState() {
    return ServiceTable.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SignalHandler<ServiceTable> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), listener::changed)
        .onSignal(
            RecoveryFailed.class, (table, failed) -> listener.recoveryFailed(failed.getFailure()))
        .build();
  }

  @Override
  public CommandHandler<Command, Event, ServiceTable> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(AddModule.class, this::onAddModule)
        .onCommand(AddBlueprint.class, this::onAddBlueprint)
        .onCommand(CreateService.class, this::onCreateService)
        .onCommand(RemoveService.class, this::onRemoveService)
        .onCommand(AddAlias.class, this::onAddAlias)
        .build();
  }

  private Effect<Event, ServiceTable> onAddModule(ServiceTable table, AddModule add) {
    if (add.module().equals(table.modules().get(add.module().hash()))) {
      return Effect().reply(add.replyTo(), StatusReply.success(add.module().hash()));
    }
    return Effect()
        .persist(new ModuleAdded(add.module()))
        .thenRun(listener::changed)
        .thenReply(add.replyTo(), t -> StatusReply.success(add.module().hash()));
  }

  private Effect<Event, ServiceTable> onAddBlueprint(ServiceTable table, AddBlueprint add) {
    for (String dependency : add.blueprint().dependencies()) {
      if (!table.modules().containsKey(dependency)) {
        return Effect()
            .reply(
                add.replyTo(),
                StatusReply.error(
                    "blueprint '"
                        + add.blueprint().name()
                        + "' depends on module "
                        + dependency
                        + ", which was not added to peer "
                        + hostPeerId));
      }
    }
    if (table.blueprints().containsKey(add.blueprint().id())) {
      return Effect().reply(add.replyTo(), StatusReply.success(add.blueprint().id()));
    }
    return Effect()
        .persist(new BlueprintAdded(add.blueprint()))
        .thenRun(listener::changed)
        .thenReply(add.replyTo(), t -> StatusReply.success(add.blueprint().id()));
  }

  private Effect<Event, ServiceTable> onCreateService(ServiceTable table, CreateService create) {
    if (!table.blueprints().containsKey(create.blueprintId())) {
      return Effect()
          .reply(
              create.replyTo(),
              StatusReply.error(
                  "blueprint " + create.blueprintId() + " was not added to peer " + hostPeerId));
    }
    ServiceRecord service =
        new ServiceRecord(
            create.serviceId(),
            create.blueprintId(),
            create.ownerPeerId(),
            java.util.List.of(),
            hostPeerId);
    return Effect()
        .persist(new ServiceCreated(service))
        .thenRun(listener::changed)
        .thenReply(create.replyTo(), t -> StatusReply.success(service));
  }

  private Effect<Event, ServiceTable> onRemoveService(ServiceTable table, RemoveService remove) {
    return ownedService(table, remove.idOrAlias(), remove.requesterPeerId(), "remove")
        .map(problem -> Effect().reply(remove.replyTo(), StatusReply.<Done>error(problem)))
        .orElseGet(
            () ->
                Effect()
                    .persist(
                        new ServiceRemoved(table.resolve(remove.idOrAlias()).orElseThrow().id()))
                    .thenRun(listener::changed)
                    .thenReply(remove.replyTo(), t -> StatusReply.ack()));
  }

  private Effect<Event, ServiceTable> onAddAlias(ServiceTable table, AddAlias add) {
    if (add.alias().isBlank() || reservedNames.contains(add.alias())) {
      return Effect()
          .reply(
              add.replyTo(),
              StatusReply.error(
                  "alias '"
                      + add.alias()
                      + "' is not allowed: it is blank or a builtin service's name"));
    }
    return ownedService(table, add.idOrAlias(), add.requesterPeerId(), "alias")
        .map(problem -> Effect().reply(add.replyTo(), StatusReply.<Done>error(problem)))
        .orElseGet(
            () ->
                Effect()
                    .persist(
                        new AliasAdded(
                            add.alias(), table.resolve(add.idOrAlias()).orElseThrow().id()))
                    .thenRun(listener::changed)
                    .thenReply(add.replyTo(), t -> StatusReply.ack()));
  }

  /** Why {@code requester} may not {@code verb} the service, or empty when it may (its owner). */
  private Optional<String> ownedService(
      ServiceTable table, String idOrAlias, String requester, String verb) {
    Optional<ServiceRecord> service = table.resolve(idOrAlias);
    if (service.isEmpty()) {
      return Optional.of("no service '" + idOrAlias + "' on peer " + hostPeerId);
    }
    if (!service.get().ownerPeerId().equals(requester)) {
      return Optional.of(
          "only the owner "
              + service.get().ownerPeerId()
              + " may "
              + verb
              + " service "
              + service.get().id()
              + ", not "
              + requester);
    }
    return Optional.empty();
  }

  @Override
  public EventHandler<ServiceTable, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ModuleAdded.class, (table, e) -> table.withModule(e.module()))
        .onEvent(BlueprintAdded.class, (table, e) -> table.withBlueprint(e.blueprint()))
        .onEvent(ServiceCreated.class, (table, e) -> table.withService(e.service()))
        .onEvent(ServiceRemoved.class, (table, e) -> table.withoutService(e.serviceId()))
        .onEvent(AliasAdded.class, (table, e) -> table.withAlias(e.alias(), e.serviceId()))
        .build();
  }
}
