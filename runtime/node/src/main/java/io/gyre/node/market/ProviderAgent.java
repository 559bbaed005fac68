package io.gyre.node.market;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.pattern.StatusReply;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deploy.Deployment;
import io.gyre.node.actor.GyreSerializable;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.SampleAnswer;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.HostCapability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A provider peer's side of the marketplace, one per hosted peer: it deploys and removes the deals'
 * services the marketplace asks for, hands over sampled receipts with their inclusion proofs and
 * evidence, shares the modules it holds, and on its own timer does its epoch duties (capacity
 * proofs, batch commitments: {@link EpochDuties}).
 */
public final class ProviderAgent extends AbstractBehavior<ProviderAgent.Command> {
  /** Every agent in the cluster (module sharing). */
  static final ServiceKey<Command> ALL = ServiceKey.create(Command.class, "gyre-market-agents");

  public interface Command extends GyreSerializable {}

  /** Deploy a deal's services on this peer (idempotent). */
  public record Deploy(Deployment deployment, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Remove a deal's services from this peer (idempotent). */
  public record Remove(Deployment deployment, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** The receipts at {@code indices} of this peer's batch for {@code deal} and {@code epoch}. */
  public record FetchSamples(
      DealId deal, long epoch, List<Long> indices, ActorRef<StatusReply<Samples>> replyTo)
      implements Command {}

  /** A module's bytes, when this peer's node holds it. */
  public record FetchModule(String hash, ActorRef<StatusReply<ModuleBytes>> replyTo)
      implements Command {}

  /**
   * The sampled receipts of a batch and the blueprint the deal's service runs under here (names and
   * capabilities; the module hashes are the deal's).
   */
  public record Samples(
      String blueprint, List<String> moduleNames, List<String> capabilities, List<Sample> samples)
      implements GyreSerializable {}

  /** One sampled receipt: its bytes, its inclusion proof and the evidence to re-execute it. */
  public record Sample(long index, byte[] receipt, byte[] proof, byte[] evidence)
      implements GyreSerializable {}

  public record ModuleBytes(String name, byte[] wasm) implements GyreSerializable {}

  private enum Tick implements Command {
    INSTANCE
  }

  private enum DutiesDone implements Command {
    INSTANCE
  }

  private final PeerId peer;
  private final DealServices services;
  private final ProviderReceipts receipts;
  private final EpochDuties duties;
  private boolean dutiesRunning;

  /** The key this peer's agent registers under. */
  static ServiceKey<Command> keyOf(PeerId peer) {
    return ServiceKey.create(Command.class, "gyre-market-agent|" + peer.base58());
  }

  static Behavior<Command> create(
      PeerId peer,
      DealServices services,
      ProviderReceipts receipts,
      EpochDuties duties,
      Duration tick) {
    return Behaviors.setup(
        context -> {
          context
              .getSystem()
              .receptionist()
              .tell(Receptionist.register(keyOf(peer), context.getSelf()));
          context.getSystem().receptionist().tell(Receptionist.register(ALL, context.getSelf()));
          return Behaviors.withTimers(
              timers -> {
                timers.startTimerWithFixedDelay(Tick.INSTANCE, tick);
                return new ProviderAgent(context, peer, services, receipts, duties);
              });
        });
  }

  private ProviderAgent(
      ActorContext<Command> context,
      PeerId peer,
      DealServices services,
      ProviderReceipts receipts,
      EpochDuties duties) {
    super(context);
    this.peer = peer;
    this.services = services;
    this.receipts = receipts;
    this.duties = duties;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deploy.class, this::onDeploy)
        .onMessage(Remove.class, this::onRemove)
        .onMessage(FetchSamples.class, this::onFetchSamples)
        .onMessage(FetchModule.class, this::onFetchModule)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessageEquals(DutiesDone.INSTANCE, this::onDutiesDone)
        .build();
  }

  private Behavior<Command> onDeploy(Deploy deploy) {
    answer(services.deploy(deploy.deployment()), deploy.replyTo());
    return this;
  }

  private Behavior<Command> onRemove(Remove remove) {
    answer(services.remove(remove.deployment()), remove.replyTo());
    return this;
  }

  private static void answer(CompletionStage<Done> work, ActorRef<StatusReply<Done>> replyTo) {
    work.whenComplete(
        (done, failure) ->
            replyTo.tell(
                failure == null
                    ? StatusReply.ack()
                    : StatusReply.error(
                        failure.getCause() != null
                            ? failure.getCause().getMessage()
                            : failure.getMessage())));
  }

  private Behavior<Command> onFetchSamples(FetchSamples fetch) {
    Optional<DealRecorder> deal = receipts.existing(fetch.deal());
    if (deal.isEmpty()) {
      fetch
          .replyTo()
          .tell(StatusReply.error("peer " + peer + " records nothing for " + fetch.deal()));
      return this;
    }
    List<Sample> samples = new ArrayList<>();
    Optional<io.gyre.wasm.Blueprint> blueprint = Optional.empty();
    for (long index : fetch.indices()) {
      Optional<SampleAnswer> answer = deal.get().answer(fetch.epoch(), index);
      if (answer.isEmpty()) {
        fetch
            .replyTo()
            .tell(
                StatusReply.error(
                    "peer " + peer + " has no receipt " + index + " of epoch " + fetch.epoch()));
        return this;
      }
      var sampled = answer.get().evidence().sampled().orElseThrow();
      blueprint = deal.get().service(sampled.serviceId()).map(s -> s.service().blueprint());
      samples.add(
          new Sample(
              index,
              sampled.encode(),
              answer.get().proof().encode(),
              answer.get().evidence().encode()));
    }
    io.gyre.wasm.Blueprint used = blueprint.orElse(null);
    fetch
        .replyTo()
        .tell(
            StatusReply.success(
                new Samples(
                    used == null ? "" : used.name(),
                    used == null
                        ? List.of()
                        : used.modules().stream().map(BlueprintModule::name).toList(),
                    used == null
                        ? List.of()
                        : used.capabilities().stream().map(HostCapability::name).sorted().toList(),
                    samples)));
    return this;
  }

  private Behavior<Command> onFetchModule(FetchModule fetch) {
    fetch
        .replyTo()
        .tell(
            services
                .module(fetch.hash())
                .map(StatusReply::success)
                .orElseGet(
                    () -> StatusReply.error("peer " + peer + " has no module " + fetch.hash())));
    return this;
  }

  private Behavior<Command> onTick() {
    if (!dutiesRunning) {
      dutiesRunning = true;
      getContext().pipeToSelf(duties.run(), (ok, failure) -> DutiesDone.INSTANCE);
    }
    return this;
  }

  private Behavior<Command> onDutiesDone() {
    dutiesRunning = false;
    return this;
  }
}
