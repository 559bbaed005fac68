package io.gyre.node.particle;

import akka.actor.Cancellable;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.InterpreterError;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.services.ServiceCall;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live particle on one peer. It owns the peer's data for the particle, merges what arrives,
 * runs the interpreter, makes the local calls the run asks for (concurrently, off this actor),
 * feeds their results back, sends the new data to the next peers, and stops at the particle's TTL.
 * Arrivals whose data this peer has already seen are duplicates and are dropped. Once it has
 * nothing to do it tells its inbox ({@code Quiet}); the inbox may stop it ({@link Passivate}) and
 * keep only its {@link ParticleState} until the next arrival or the TTL.
 */
public final class ParticleActor extends AbstractBehavior<ParticleActor.Command> {
  static final Logger TRACE = LoggerFactory.getLogger("gyre.trace");
  private static final byte[] EMPTY = new byte[0];

  /** AquaVM's ret_codes (kept by Gyre's interpreter) for data that does not decode or verify. */
  private static final int DATA_ERROR = 2;

  private static final int SIGNATURE_MISMATCH = 9;

  public interface Command {}

  /** Data for this particle arrived from {@code fromPeerId} (empty for the particle's start). */
  public record Arrived(Particle particle, String fromPeerId) implements Command {}

  /** The inbox takes over this quiet particle's state: stop. */
  public enum Passivate implements Command {
    INSTANCE
  }

  /** Finish pending work, then tell {@code replyTo} (graceful shutdown). */
  public record Drain(ActorRef<Drained> replyTo) implements Command {}

  /** No work pending any more for {@code particleId}. */
  public record Drained(String particleId) {}

  private record CallDone(int key, CallResult result) implements Command {}

  /** This peer sent the particle to itself: an arrival that did not come through the inbox. */
  private record SentToSelf(Particle particle) implements Command {}

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
  private final Optional<ParticleTrace> trace;
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
    this.trace = runtime.traces().forParticle(header.id());
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
        .onMessage(SentToSelf.class, this::onSentToSelf)
        .onMessage(CallDone.class, this::onCallDone)
        .onMessage(RunPending.class, message -> onRunPending())
        .onMessage(Drain.class, this::onDrain)
        .onMessage(Expire.class, message -> onExpire())
        .onMessage(Passivate.class, message -> onPassivate())
        .build();
  }

  // Pending work is counted in the trace (tests wait for a particle to be quiet across the
  // cluster): whoever queues a message or starts a call counts it, the handler uncounts it last.

  private Behavior<Command> onArrived(Arrived arrived) {
    inboxArrivals++;
    take(arrived.particle(), arrived.fromPeerId());
    return this;
  }

  private Behavior<Command> onSentToSelf(SentToSelf sent) {
    take(sent.particle(), runtime.peerId());
    return this;
  }

  private void take(Particle particle, String fromPeerId) {
    byte[] data = particle.data();
    if (seenData.add(digest(data))) {
      pendingData.add(data);
      scheduleRun();
    } else {
      runtime.metrics().particlesDuplicate.inc();
      hop(ParticleTrace.HopKind.DUPLICATE, fromPeerId);
    }
    workDone();
    reportIfQuiet();
  }

  private Behavior<Command> onCallDone(CallDone done) {
    callsInFlight.remove(done.key());
    readyResults.put(done.key(), done.result());
    scheduleRun();
    workDone();
    reportIfQuiet();
    return this;
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
    workDone();
    reportIfQuiet();
    return this;
  }

  private boolean quiet() {
    return !runScheduled && callsInFlight.isEmpty() && pendingData.isEmpty();
  }

  /**
   * Offers this particle's state to the inbox once nothing is pending. The inbox stops the actor
   * only if it has handed it no arrival since (it compares {@code inboxArrivals}).
   */
  private void reportIfQuiet() {
    if (quiet() && quietReportedAt != inboxArrivals) {
      quietReportedAt = inboxArrivals;
      inbox.tell(
          new ParticleInbox.Quiet(
              header.id(), inboxArrivals, new ParticleState(prevData, seenData)));
    }
  }

  private Behavior<Command> onPassivate() {
    if (!quiet()) {
      // Only the inbox brings new work and it holds arrivals while stopping us: unreachable, but
      // never drop work on that belief.
      inbox.tell(new ParticleInbox.Busy(header.id()));
      return this;
    }
    expiry.cancel();
    return Behaviors.stopped();
  }

  private void workStarted() {
    trace.ifPresent(t -> t.workStarted(runtime.peerId()));
  }

  private void workDone() {
    trace.ifPresent(t -> t.workDone(runtime.peerId()));
  }

  private void run(byte[] incoming, Map<Integer, CallResult> results) {
    long now = runtime.clock().millis();
    RunContext context =
        new RunContext(
            runtime.key(),
            header.id(),
            header.initPeerId(),
            header.timestampMs(),
            header.ttlMs(),
            now);
    long started = System.nanoTime();
    Outcome outcome;
    try {
      outcome = runtime.interpreter().run(header.script(), prevData, incoming, results, context);
    } catch (RuntimeException e) {
      // The interpreter promises error outcomes, never exceptions; keep the peer alive if it breaks
      // that.
      outcome =
          new Outcome(
              prevData,
              java.util.List.of(),
              java.util.List.of(),
              Optional.of(new InterpreterError(-1, "interpreter crashed: " + e)));
      getContext().getLog().error("interpreter crashed on particle {}", header.id(), e);
    }
    runtime.metrics().interpreterRunSeconds.observeNanos(System.nanoTime() - started);
    if (outcome.error().isPresent()) {
      onRunFailed(outcome.error().get(), incoming.length > 0);
      return;
    }
    runtime.metrics().particlesExecuted.inc();
    boolean addsNothing =
        results.isEmpty()
            && outcome.callRequests().isEmpty()
            && outcome.nextPeers().isEmpty()
            && Arrays.equals(outcome.data(), prevData);
    if (addsNothing && incoming.length > 0) {
      runtime.metrics().particlesDuplicate.inc();
    }
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

  private void onRunFailed(InterpreterError error, boolean onArrival) {
    trace.ifPresent(
        t ->
            t.failure(
                new ParticleTrace.Failure(
                    runtime.clock().millis(), runtime.peerId(), error.retCode(), error.message())));
    // Data that fails the other peers' signatures, or does not decode, was altered or forged on
    // the way: a refusal of what arrived, not a failure of the script.
    if (onArrival && error.retCode() == SIGNATURE_MISMATCH) {
      runtime.metrics().refused(NodeMetrics.RefusalReason.BAD_DATA_SIGNATURE);
    } else if (onArrival && error.retCode() == DATA_ERROR) {
      runtime.metrics().refused(NodeMetrics.RefusalReason.MALFORMED);
    } else {
      runtime.metrics().particlesFailed.inc();
    }
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} run failed ret_code={}: {}",
          header.id(),
          runtime.peerId(),
          error.retCode(),
          error.message());
    }
    session.ifPresent(
        s ->
            s.failed(
                "interpreter error " + error.retCode() + " on the init peer: " + error.message()));
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
    workStarted();
    long started = System.nanoTime();
    Optional<CallResult> fromSession = session.flatMap(s -> s.answer(call));
    fromSession.ifPresent(
        r ->
            runtime
                .metrics()
                .serviceCalled(call.serviceId(), r.succeeded(), System.nanoTime() - started));
    var answer =
        fromSession.isPresent()
            ? java.util.concurrent.CompletableFuture.completedFuture(fromSession.get())
            : runtime.services().call(call);
    getContext()
        .pipeToSelf(
            answer,
            (result, error) -> {
              CallResult settled =
                  error == null
                      ? result
                      : CallResult.error(1, new TextNode("service call failed: " + error));
              recordCall(call, settled, (System.nanoTime() - started) / 1000);
              return new CallDone(request.key(), settled);
            });
  }

  private void recordCall(ServiceCall call, CallResult result, long micros) {
    // Runs on whichever thread completed the call: only thread-safe state here.
    trace.ifPresent(
        t ->
            t.call(
                new ParticleTrace.Call(
                    runtime.clock().millis(),
                    call.hostPeerId(),
                    call.serviceId(),
                    call.functionName(),
                    call.arguments(),
                    result.retCode(),
                    result.result(),
                    micros)));
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} call {}.{} ret_code={} {}us",
          call.particleId(),
          call.hostPeerId(),
          call.serviceId(),
          call.functionName(),
          result.retCode(),
          micros);
    }
  }

  private void send(String nextPeer) {
    Particle outgoing = header.withData(prevData);
    if (nextPeer.equals(runtime.peerId())) {
      workStarted();
      getContext().getSelf().tell(new SentToSelf(outgoing));
      return;
    }
    Optional<akka.actor.typed.ActorRef<ParticleInbox.Command>> inbox =
        runtime.routes().inbox(nextPeer);
    if (inbox.isEmpty()) {
      runtime.metrics().particlesUndelivered.inc();
      hop(ParticleTrace.HopKind.UNDELIVERED, nextPeer);
      return;
    }
    inbox.get().tell(new ParticleInbox.Deliver(outgoing, runtime.peerId()));
    runtime.metrics().particlesSent.inc();
    hop(ParticleTrace.HopKind.SENT, nextPeer);
  }

  private void scheduleRun() {
    if (!runScheduled) {
      runScheduled = true;
      workStarted();
      getContext().getSelf().tell(RunPending.INSTANCE);
    }
  }

  private Behavior<Command> onDrain(Drain drain) {
    drainRequested = Optional.of(drain.replyTo());
    checkDrained();
    return this;
  }

  private void checkDrained() {
    if (drainRequested.isPresent() && callsInFlight.isEmpty() && !runScheduled) {
      drainRequested.get().tell(new Drained(header.id()));
      drainRequested = Optional.empty();
    }
  }

  private Behavior<Command> onExpire() {
    runtime.metrics().particlesExpired.inc();
    hop(ParticleTrace.HopKind.EXPIRED, "");
    session.ifPresent(ParticleSession::expired);
    drainRequested.ifPresent(replyTo -> replyTo.tell(new Drained(header.id())));
    // Work still pending for an expired particle is abandoned: its results can go nowhere.
    trace.ifPresent(t -> t.workAbandoned(runtime.peerId()));
    return Behaviors.stopped();
  }

  private void hop(ParticleTrace.HopKind kind, String otherPeerId) {
    trace.ifPresent(t -> t.hop(runtime.clock().millis(), kind, runtime.peerId(), otherPeerId));
    if (runtime.traceLog()) {
      TRACE.info(
          "particle={} peer={} {} {}",
          header.id(),
          runtime.peerId(),
          kind.name().toLowerCase(java.util.Locale.ROOT),
          otherPeerId);
    }
  }

  private static String digest(byte[] data) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
