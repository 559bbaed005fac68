package io.gyre.marketplace;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.pattern.StatusReply;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.internal.Decision;
import io.gyre.marketplace.internal.EpochRules;
import io.gyre.marketplace.internal.MarketRules;
import io.gyre.marketplace.internal.MarketState;
import io.gyre.marketplace.internal.ProofRules;
import io.gyre.marketplace.internal.SideEffects;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.marketplace.proof.Verdict;
import io.gyre.persistence.CborSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The marketplace: one event-sourced actor (a cluster singleton in a Gyre cluster) that takes
 * offers and deals, matches them, keeps the ledger and runs the epochs. Decisions are the pure
 * rules of {@code internal}; this actor persists what they decide, replies, and starts the side
 * effects (deployments, audits) the new state calls for.
 */
public final class MarketActor
    extends EventSourcedBehavior<MarketActor.Command, MarketEvent, MarketState> {

  public interface Command extends CborSerializable {}

  /** A command that acts for a peer and answers with a {@link StatusReply}. */
  public interface Request<T> extends Command {
    ActorRef<StatusReply<T>> replyTo();
  }

  /** Money from outside into {@code peer}'s wallet (at integration: the operator only). */
  public record Fund(PeerId peer, long amount, ActorRef<StatusReply<Long>> replyTo)
      implements Request<Long> {}

  /** {@code acting} takes money out of its wallet or earnings; replies the balance left. */
  public record Withdraw(
      PeerId acting, Account account, long amount, ActorRef<StatusReply<Long>> replyTo)
      implements Request<Long> {}

  public record PlaceOffer(PeerId provider, OfferSpec spec, ActorRef<StatusReply<OfferId>> replyTo)
      implements Request<OfferId> {}

  public record RepriceOffer(
      PeerId provider, OfferId offer, long price, ActorRef<StatusReply<OfferId>> replyTo)
      implements Request<OfferId> {}

  public record WithdrawOffer(
      PeerId provider, OfferId offer, ActorRef<StatusReply<OfferId>> replyTo)
      implements Request<OfferId> {}

  public record OpenDeal(PeerId owner, DealSpec spec, ActorRef<StatusReply<DealId>> replyTo)
      implements Request<DealId> {}

  /** Replies the deal's escrow after the deposit. */
  public record Deposit(PeerId owner, DealId deal, long amount, ActorRef<StatusReply<Long>> replyTo)
      implements Request<Long> {}

  /** Replies what was refunded to the owner's wallet. */
  public record CancelDeal(PeerId owner, DealId deal, ActorRef<StatusReply<Long>> replyTo)
      implements Request<Long> {}

  /** Replies how many capacity proofs the unit has in the epoch now. */
  public record SubmitCapacityProof(
      PeerId acting, CapacityProof proof, ActorRef<StatusReply<Integer>> replyTo)
      implements Request<Integer> {}

  /** Replies the committed root. */
  public record CommitBatch(
      PeerId acting, BatchCommitment commitment, ActorRef<StatusReply<String>> replyTo)
      implements Request<String> {}

  public record GetDeal(DealId deal, ActorRef<StatusReply<DealView>> replyTo) implements Command {}

  public record GetBalance(Account account, ActorRef<Long> replyTo) implements Command {}

  /** The epoch and the units one peer runs (what a provider peer asks every few hundred ms). */
  public record GetPeerDuties(PeerId peer, ActorRef<PeerDuties> replyTo) implements Command {}

  public record GetView(ActorRef<MarketView> replyTo) implements Command {
    /** One field: Jackson must be told it is a property, not the whole value (remote asks). */
    @com.fasterxml.jackson.annotation.JsonCreator(
        mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
    public GetView {}
  }

  /** Look at the epoch clock: open the market, start an epoch, settle one. The timer sends it. */
  public enum Tick implements Command {
    INSTANCE
  }

  /**
   * Commands {@link MarketGate} collected while the last batch was being written: decided in order
   * against the state as each leaves it, their events written at once, then answered.
   */
  record Batch(List<Command> commands, ActorRef<Command> gate) implements Command {}

  /** Tells {@link MarketGate} that its batch is written (or refused entirely). */
  enum BatchWritten implements Command {
    INSTANCE
  }

  /** An audit's verdict, from the receipts a provider handed over (or did not). */
  record AuditFinished(BatchCommitment commitment, Verdict verdict) implements Command {}

  /** A deployment or removal completed ({@code done}) or failed (tried again later). */
  record DeploymentFinished(
      io.gyre.marketplace.deploy.Deployment deployment, boolean removal, boolean done)
      implements Command {}

  private final ActorContext<Command> context;
  private final MarketSettings settings;
  private final MarketPorts ports;
  private final MarketRules market;
  private final ProofRules proofs;
  private final EpochRules epochs;
  private final SideEffects effects;
  private java.util.Optional<ActorRef<Command>> gate = java.util.Optional.empty();

  /**
   * @param marketId names the marketplace's journal ({@code gyre-market|marketId})
   */
  public static Behavior<Command> create(
      String marketId, MarketSettings settings, MarketPorts ports) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.tickInterval());
                  return new MarketActor(context, marketId, settings, ports);
                }));
  }

  private MarketActor(
      ActorContext<Command> context, String marketId, MarketSettings settings, MarketPorts ports) {
    // A journal write that fails (database down) restarts the marketplace, which recovers again.
    super(
        PersistenceId.of("gyre-market", marketId),
        SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    this.context = context;
    this.settings = settings;
    this.ports = ports;
    this.market = new MarketRules(settings);
    this.proofs = new ProofRules(settings, ports.proofs());
    this.epochs = new EpochRules(settings, market);
    this.effects =
        new SideEffects(
            context,
            ports,
            settings.samplesPerBatch(),
            settings.auditTimeout(),
            AuditFinished::new,
            DeploymentFinished::new);
  }

  @Override
  public MarketState emptyState() {
    return MarketState.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  /** Snapshots are the state's dump: plain records, whatever the in-memory structures are. */
  @Override
  public SnapshotAdapter<MarketState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(MarketState state) {
        return state.dump();
      }

      @Override
      public MarketState fromJournal(Object from) {
        return MarketState.restore((MarketDump) from);
      }
    };
  }

  @Override
  public SignalHandler<MarketState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::afterChange)
        .build();
  }

  @Override
  public CommandHandler<Command, MarketEvent, MarketState> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Request.class, (s, c) -> decide(decisionFor(s, c), c))
        .onCommand(Batch.class, this::onBatch)
        .onCommand(GetDeal.class, this::onGetDeal)
        .onCommand(
            GetBalance.class,
            (s, c) -> Effect().reply(c.replyTo(), s.ledger().balance(c.account())))
        .onCommand(GetPeerDuties.class, (s, c) -> Effect().reply(c.replyTo(), s.duties(c.peer())))
        .onCommand(
            GetView.class,
            (s, c) ->
                Effect().reply(c.replyTo(), new MarketView(lastSequenceNumber(context), s.dump())))
        .onCommand(Tick.class, (s, c) -> onTick(s))
        .onCommand(AuditFinished.class, this::onPortReport)
        .onCommand(DeploymentFinished.class, this::onPortReport)
        .build();
  }

  private Effect<MarketEvent, MarketState> onGetDeal(MarketState state, GetDeal get) {
    return Effect().reply(get.replyTo(), dealReply(state, get));
  }

  private static StatusReply<DealView> dealReply(MarketState state, GetDeal get) {
    return state
        .view(get.deal())
        .map(StatusReply::success)
        .orElseGet(
            () ->
                StatusReply.error(
                    new MarketError(MarketError.Code.UNKNOWN_DEAL, "no deal " + get.deal())
                        .toString()));
  }

  /** What the rules say about {@code request} in {@code state}. */
  private Decision<?> decisionFor(MarketState s, Request<?> request) {
    if (request instanceof Fund c) {
      return market.fund(s, c.peer(), c.amount());
    } else if (request instanceof Withdraw c) {
      return market.withdraw(s, c.acting(), c.account(), c.amount());
    } else if (request instanceof PlaceOffer c) {
      return market.placeOffer(s, c.provider(), c.spec());
    } else if (request instanceof RepriceOffer c) {
      return market.repriceOffer(s, c.provider(), c.offer(), c.price());
    } else if (request instanceof WithdrawOffer c) {
      return market.withdrawOffer(s, c.provider(), c.offer());
    } else if (request instanceof OpenDeal c) {
      return market.openDeal(s, c.owner(), c.spec());
    } else if (request instanceof Deposit c) {
      return market.deposit(s, c.owner(), c.deal(), c.amount());
    } else if (request instanceof CancelDeal c) {
      return market.cancelDeal(s, c.owner(), c.deal());
    } else if (request instanceof SubmitCapacityProof c) {
      return proofs.submitCapacityProof(s, c.acting(), c.proof());
    } else if (request instanceof CommitBatch c) {
      return proofs.commitBatch(s, c.acting(), c.commitment());
    }
    throw new IllegalArgumentException("not a marketplace request: " + request);
  }

  /**
   * Decides every command of the batch in order, each on the state the ones before it left; writes
   * all their events in one atomic write; then answers each as it would have been answered alone. A
   * refused command is answered with its error and adds nothing.
   */
  private Effect<MarketEvent, MarketState> onBatch(MarketState state, Batch batch) {
    gate = java.util.Optional.of(batch.gate());
    List<MarketEvent> events = new ArrayList<>();
    List<Runnable> replies = new ArrayList<>();
    MarketState working = state;
    long sequence = lastSequenceNumber(context);
    for (Command command : batch.commands()) {
      MarketState now = working;
      long at = sequence + events.size();
      if (command instanceof Request<?> request) {
        Decision<?> decision = decisionFor(now, request);
        replies.add(() -> answer(request, decision));
        if (decision instanceof Decision.Accepted<?> accepted) {
          for (MarketEvent event : accepted.events()) {
            working = working.apply(event);
          }
          events.addAll(accepted.events());
        }
      } else if (command instanceof AuditFinished || command instanceof DeploymentFinished) {
        if (portReport(now, command) instanceof Decision.Accepted<?> accepted) {
          for (MarketEvent event : accepted.events()) {
            working = working.apply(event);
          }
          events.addAll(accepted.events());
        }
      } else if (command instanceof GetDeal get) {
        replies.add(() -> get.replyTo().tell(dealReply(now, get)));
      } else if (command instanceof GetBalance get) {
        replies.add(() -> get.replyTo().tell(now.ledger().balance(get.account())));
      } else if (command instanceof GetPeerDuties get) {
        replies.add(() -> get.replyTo().tell(now.duties(get.peer())));
      } else if (command instanceof GetView get) {
        replies.add(() -> get.replyTo().tell(new MarketView(at, now.dump())));
      } else {
        context.getSelf().tell(command);
      }
    }
    replies.add(() -> batch.gate().tell(BatchWritten.INSTANCE));
    if (events.isEmpty()) {
      replies.forEach(Runnable::run);
      return Effect().none();
    }
    return Effect()
        .persist(events)
        .thenRun(
            written -> {
              replies.forEach(Runnable::run);
              afterChange(written);
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void answer(Request<?> request, Decision<?> decision) {
    ActorRef replyTo = request.replyTo();
    if (decision instanceof Decision.Refused<?> refused) {
      replyTo.tell(StatusReply.error(refused.error().toString()));
    } else {
      replyTo.tell(StatusReply.success(((Decision.Accepted<?>) decision).result()));
    }
  }

  private Effect<MarketEvent, MarketState> onTick(MarketState state) {
    if (!state.opened()) {
      return persist(epochs.open(state, ports.clock().currentEpoch(), ports.entropy().next()));
    }
    if (state.settlementDue()) {
      return epochs.pendingAudits(state).isEmpty()
          ? persist(epochs.settle(state))
          : runEffects(state);
    }
    long now = ports.clock().currentEpoch();
    if (now > state.epoch()) {
      return persist(epochs.startEpoch(state, now, ports.entropy().next()));
    }
    return runEffects(state);
  }

  /**
   * A port's report (audit, deployment): through the gate when there is one, so it shares the next
   * batch's write; decided here otherwise.
   */
  private Effect<MarketEvent, MarketState> onPortReport(MarketState state, Command report) {
    if (gate.isPresent()) {
      gate.get().tell(report);
      return Effect().none();
    }
    return persist(portReport(state, report));
  }

  /** Clears the side effect's bookkeeping and decides what its outcome records. */
  private Decision<?> portReport(MarketState state, Command report) {
    if (report instanceof AuditFinished finished) {
      BatchCommitment c = finished.commitment();
      effects.auditDone(c);
      return epochs.recordAudit(state, c.deal(), c.unit(), c.epoch(), finished.verdict());
    }
    DeploymentFinished finished = (DeploymentFinished) report;
    var d = finished.deployment();
    effects.deploymentDone(d, finished.removal());
    if (!finished.done()) {
      return Decision.refuse(MarketError.Code.WRONG_STATE, "tried again at the next tick");
    }
    return finished.removal()
        ? epochs.removed(state, d.deal(), d.unit())
        : epochs.deployed(state, d.deal(), d.unit());
  }

  /** Persists what an internal step decided, then looks for more to do (a refusal is no-op). */
  private Effect<MarketEvent, MarketState> persist(Decision<?> decision) {
    if (decision instanceof Decision.Accepted<?> accepted && !accepted.events().isEmpty()) {
      return Effect().persist(accepted.events()).thenRun(this::afterChange);
    }
    return Effect().none();
  }

  private Effect<MarketEvent, MarketState> decide(Decision<?> decision, Request<?> request) {
    if (!(decision instanceof Decision.Accepted<?> accepted) || accepted.events().isEmpty()) {
      answer(request, decision);
      return Effect().none();
    }
    return Effect()
        .persist(accepted.events())
        .thenRun(
            written -> {
              answer(request, decision);
              afterChange(written);
            });
  }

  private Effect<MarketEvent, MarketState> runEffects(MarketState state) {
    afterChange(state);
    return Effect().none();
  }

  /** Starts the deployments, removals and audits the state calls for; settles when it can. */
  private void afterChange(MarketState state) {
    effects.start(state, epochs.pendingAudits(state));
    if (state.settlementDue() && epochs.pendingAudits(state).isEmpty()) {
      context.getSelf().tell(Tick.INSTANCE);
    }
  }

  @Override
  public EventHandler<MarketState, MarketEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(MarketState::apply);
  }
}
