package io.gyre.node.particle;

import akka.actor.Cancellable;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.air.particle.Particle;
import io.gyre.node.services.LocalServices;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceProvider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One live particle on one peer. It owns the peer's data for the particle, merges what arrives,
 * runs the interpreter, makes the local calls the run asks for (concurrently, off this actor),
 * feeds their results back, sends the new data to the next peers, and stops at the particle's TTL.
 * Arrivals whose data this peer has already seen are duplicates and are dropped. Once it has
 * nothing to do it tells its inbox ({@code Quiet}); the inbox may stop it ({@link Passivate}) and
 * keep only its {@link ParticleState} until the next arrival or the TTL.
 */
public final class ParticleActor extends AbstractBehavior<ParticleActor.Command> {
  private static final byte[] EMPTY = new byte[0];

  public interface Command {}

  /** Data for this particle arrived from {@code fromPeerId} (empty for the particle's start). */
  public record Arrived(Particle particle, String fromPeerId) implements Command {}

  /** The inbox takes over this quiet particle's state: stop (or answer Busy if there is work). */
  public enum Passivate implements Command {
    INSTANCE
  }

  /** Finish pending work, then tell {@code replyTo} (graceful shutdown). */
  public record Drain(ActorRef<Drained> replyTo) implements Command {}

  /** No work pending any more for {@code particleId}. */
  public record Drained(String particleId) {}

  /** A peer this particle went to could not be reached (for the init peer's session). */
  public record NoRoute(String message) implements Command {}

  private record CallDone(ServiceCall call, CallResult result, long micros) implements Command {}

  private enum RunPending implements Command {
    INSTANCE
  }

  private enum Expire implements Command {
    INSTANCE
  }

  private final PeerRuntime runtime;
  private final ActorRef<ParticleInbox.Command> inbox;
  private final Particle header;
  private final Optional<ParticleSession> session;
  private final ParticleRecord record;
  private final Deque<byte[]> pendingData = new ArrayDeque<>();
  private final Map<Integer, CallResult> readyResults = new HashMap<>();
  private final Set<Integer> callsInFlight = new HashSet<>();
  private final Set<String> seenData;
  private final Cancellable expiry;
  private byte[] prevData;
  private boolean runScheduled;
  private int inboxArrivals;
  private int quietReportedAt = -1;
  private Optional<ActorRef<Drained>> drainRequested = Optional.empty();
  private Optional<String> noRoute = Optional.empty();

  /**
   * @param header the particle as first received (signature already checked by the inbox)
   * @param state what this peer kept of the particle ({@link ParticleState#EMPTY} when it is new)
   */
  static Behavior<Command> create(
      PeerRuntime runtime,
      ActorRef<ParticleInbox.Command> inbox,
      Particle header,
      Optional<ParticleSession> session,
      ParticleState state) {
    return Behaviors.setup(
        context -> new ParticleActor(context, runtime, inbox, header, session, state));
  }

  private ParticleActor(
      ActorContext<Command> context,
      PeerRuntime runtime,
      ActorRef<ParticleInbox.Command> inbox,
      Particle header,
      Optional<ParticleSession> session,
      ParticleState state) {
    super(context);
    this.runtime = runtime;
    this.inbox = inbox;
    this.header = header.withData(EMPTY);
    this.session = session;
    this.prevData = state.prevData();
    this.seenData = new HashSet<>(state.seenData());
    this.record = new ParticleRecord(runtime, header.id());
    long remainingMs = Math.max(0, header.deadlineMs() - runtime.clock().millis());
    // A plain scheduled message, not a TimerScheduler timer: Akka's timers look up the actor's
    // logger (a stack walk) on their first message, once per particle per peer.
    this.expiry =
        context.scheduleOnce(Duration.ofMillis(remainingMs), context.getSelf(), Expire.INSTANCE);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Arrived.class, this::onArrived)
        .onMessage(CallDone.class, this::onCallDone)
        .onMessage(RunPending.class, message -> onRunPending())
        .onMessage(Passivate.class, message -> onPassivate())
        .onMessage(NoRoute.class, this::onNoRoute)
        .onMessage(Drain.class, this::onDrain)
        .onMessage(Expire.class, message -> onExpire())
        .build();
  }

  private Behavior<Command> onArrived(Arrived arrived) {
    inboxArrivals++;
    take(arrived.particle().data(), arrived.fromPeerId());
    return handled();
  }

  private Behavior<Command> onCallDone(CallDone done) {
    record.call(done.call(), done.result(), done.micros());
    callsInFlight.remove(done.call().callKey());
    readyResults.put(done.call().callKey(), done.result());
    scheduleRun();
    return handled();
  }

  private Behavior<Command> onRunPending() {
    runScheduled = false;
    byte[] incoming = pendingData.isEmpty() ? EMPTY : pendingData.poll();
    Map<Integer, CallResult> results = Map.copyOf(readyResults);
    readyResults.clear();
    run(incoming, results);
    if (!pendingData.isEmpty() || !readyResults.isEmpty()) {
      scheduleRun();
    }
    checkDrained();
    return handled();
  }

  /**
   * Stops unless work came in after the quiet report the inbox acted on. Only the inbox brings new
   * work and it holds arrivals while stopping us, so Busy answers a race that should not happen.
   */
  private Behavior<Command> onPassivate() {
    if (!quiet()) {
      inbox.tell(new ParticleInbox.Busy(header.id()));
      return this;
    }
    expiry.cancel();
    return Behaviors.stopped();
  }

  /**
   * On the init peer: the particle cannot reach a peer. Its caller learns it at once unless this
   * peer still has work that may answer instead (a timeout racing the call, say).
   */
  private Behavior<Command> onNoRoute(NoRoute noRoute) {
    this.noRoute = Optional.of(noRoute.message());
    failIfStuck();
    return this;
  }

  private void failIfStuck() {
    if (quiet() && noRoute.isPresent()) {
      session.ifPresent(s -> s.undelivered(noRoute.get()));
    }
  }

  private Behavior<Command> onDrain(Drain drain) {
    drainRequested = Optional.of(drain.replyTo());
    checkDrained();
    return this;
  }

  private Behavior<Command> onExpire() {
    record.expired();
    session.ifPresent(ParticleSession::expired);
    drainRequested.ifPresent(replyTo -> replyTo.tell(new Drained(header.id())));
    // Work still pending for an expired particle is abandoned: its results can go nowhere.
    record.workAbandoned();
    return Behaviors.stopped();
  }

  /** The end of every message that was counted as work: uncount it, report if now quiet. */
  private Behavior<Command> handled() {
    record.workHandled();
    failIfStuck();
    if (quiet() && quietReportedAt != inboxArrivals) {
      // The inbox stops the actor only if it handed it no arrival since (it compares the count).
      quietReportedAt = inboxArrivals;
      inbox.tell(
          new ParticleInbox.Quiet(
              header.id(), inboxArrivals, new ParticleState(prevData, seenData)));
    }
    return this;
  }

  private boolean quiet() {
    return !runScheduled && callsInFlight.isEmpty() && pendingData.isEmpty();
  }

  private void take(byte[] data, String fromPeerId) {
    if (seenData.add(digest(data))) {
      pendingData.add(data);
      scheduleRun();
    } else {
      record.duplicate(fromPeerId);
    }
  }

  private void run(byte[] incoming, Map<Integer, CallResult> results) {
    RunContext context =
        new RunContext(
            runtime.key(),
            header.id(),
            header.initPeerId(),
            header.timestampMs(),
            header.ttlMs(),
            runtime.clock().millis());
    long started = System.nanoTime();
    // The interpreter answers with an error outcome, never an exception (its contract).
    Outcome outcome =
        runtime.interpreter().run(header.script(), prevData, incoming, results, context);
    long nanos = System.nanoTime() - started;
    if (outcome.error().isPresent()) {
      record.runFailed(nanos, outcome.error().get(), incoming.length > 0);
      session.ifPresent(
          s ->
              s.failed(
                  "interpreter error "
                      + outcome.error().get().retCode()
                      + " on the init peer: "
                      + outcome.error().get().message()));
      return;
    }
    record.ran(
        nanos,
        incoming.length > 0
            && results.isEmpty()
            && outcome.callRequests().isEmpty()
            && outcome.nextPeers().isEmpty()
            && Arrays.equals(outcome.data(), prevData));
    prevData = outcome.data();
    for (CallRequest request : outcome.callRequests()) {
      if (callsInFlight.add(request.key())) {
        execute(request);
      }
    }
    for (String nextPeer : outcome.nextPeers()) {
      send(nextPeer);
    }
    session.ifPresent(ParticleSession::ran);
  }

  private void execute(CallRequest request) {
    ServiceCall call =
        new ServiceCall(
            runtime.peerId(),
            request.serviceId(),
            request.functionName(),
            request.arguments(),
            request.tetraplets(),
            header.id(),
            header.initPeerId(),
            header.timestampMs(),
            header.ttlMs(),
            request.key());
    record.workQueued();
    long started = System.nanoTime();
    ServiceProvider fromSession =
        c -> session.flatMap(s -> s.answer(c)).map(CompletableFuture::completedFuture);
    // The adapter runs on the service's thread: it only builds the message.
    getContext()
        .pipeToSelf(
            runtime.services().call(call, fromSession),
            (result, error) ->
                new CallDone(
                    call,
                    error == null ? result : LocalServices.failure(call, error),
                    (System.nanoTime() - started) / 1000));
  }

  private void send(String nextPeer) {
    if (nextPeer.equals(runtime.peerId())) {
      // To itself: the new data is an arrival that does not go through the inbox.
      take(prevData, runtime.peerId());
      return;
    }
    Optional<ActorRef<ParticleInbox.Command>> next = runtime.routes().inbox(nextPeer);
    if (next.isEmpty()) {
      String message =
          "no route to peer " + nextPeer + " (" + runtime.routes().noRoute(nextPeer) + ")";
      record.undelivered(nextPeer, message);
      if (session.isPresent()) {
        noRoute = Optional.of(message);
      } else {
        // The init peer's caller is waiting: tell it now rather than at the TTL.
        runtime
            .routes()
            .inbox(header.initPeerId())
            .ifPresent(init -> init.tell(new ParticleInbox.NoRoute(header.id(), message)));
      }
      return;
    }
    next.get().tell(new ParticleInbox.Deliver(header.withData(prevData), runtime.peerId()));
    record.sent(nextPeer);
  }

  private void scheduleRun() {
    if (!runScheduled) {
      runScheduled = true;
      record.workQueued();
      getContext().getSelf().tell(RunPending.INSTANCE);
    }
  }

  private void checkDrained() {
    if (drainRequested.isPresent() && callsInFlight.isEmpty() && !runScheduled) {
      drainRequested.get().tell(new Drained(header.id()));
      drainRequested = Optional.empty();
    }
  }

  private static String digest(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
