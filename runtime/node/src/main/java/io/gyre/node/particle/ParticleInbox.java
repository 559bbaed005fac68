package io.gyre.node.particle;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.gyre.node.actor.GyreSerializable;
import io.gyre.node.metrics.NodeMetrics.RefusalReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where particles for one hosted peer arrive. It checks each new particle (signature, TTL, clock
 * skew, size), keeps one {@link ParticleActor} per live particle id while the particle has work,
 * and only the particle's state while it is quiet until its TTL ({@link LiveParticle}), bounds how
 * many are live (shared across the node's peers), and on a graceful stop takes no new particles and
 * waits for the held ones to finish their work.
 */
public final class ParticleInbox extends AbstractBehavior<ParticleInbox.Command> {

  public interface Command {}

  /**
   * Every peer's inbox registers with the Receptionist under this key, as an actor named by its
   * peer id; the cluster's listing of it is the peer directory.
   */
  public static final ServiceKey<Command> PEERS = ServiceKey.create(Command.class, "gyre-peer");

  /** A particle sent by another peer. */
  public record Deliver(Particle particle, String fromPeerId)
      implements Command, GyreSerializable {}

  /** A particle this peer starts as its init peer; {@code replyTo} learns whether it was taken. */
  public record Start(Particle particle, ParticleSession session, ActorRef<Started> replyTo)
      implements Command {}

  /** The answer to {@link Start}: empty when taken, otherwise why not. */
  public record Started(Optional<String> refusal) {}

  /** Take no more particles; tell {@code replyTo} once the held ones have no pending work. */
  public record StopTaking(ActorRef<Stopped> replyTo) implements Command {}

  public enum Stopped {
    INSTANCE
  }

  /** A particle's actor has nothing to do after {@code handled} arrivals from this inbox. */
  record Quiet(String particleId, int handled, ParticleState state) implements Command {}

  /** A particle's actor declined to stop: it has work. */
  record Busy(String particleId) implements Command {}

  private record ParticleEnded(String particleId) implements Command {}

  private record ParticleDrained(String particleId) implements Command {}

  private enum Sweep implements Command {
    INSTANCE
  }

  /** How often quiet actors are stopped and dormant particles expired. */
  private static final Duration SWEEP_EVERY = Duration.ofMillis(200);

  /** How long an actor stays after its particle went quiet: returns within this cost no restart. */
  private static final Duration IDLE_BEFORE_STOP = Duration.ofSeconds(1);

  private final PeerRuntime runtime;
  private final InFlightBudget budget;
  private final ParticleChecks checks;
  private final Map<String, LiveParticle> live = new HashMap<>();
  private final QuietParticles quiet = new QuietParticles(IDLE_BEFORE_STOP);
  private final Set<String> draining = new HashSet<>();
  private final ActorRef<ParticleActor.Drained> drainedAdapter;
  private Optional<ActorRef<Stopped>> stopRequested = Optional.empty();
  private boolean stopped;
  private long spawned;

  /**
   * @param budget live particles across all the node's peers (the limits are per node)
   */
  public static Behavior<Command> create(PeerRuntime runtime, InFlightBudget budget) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Sweep.INSTANCE, SWEEP_EVERY);
                  return new ParticleInbox(context, runtime, budget);
                }));
  }

  private ParticleInbox(ActorContext<Command> context, PeerRuntime runtime, InFlightBudget budget) {
    super(context);
    this.runtime = runtime;
    this.budget = budget;
    this.checks = new ParticleChecks(runtime);
    this.drainedAdapter =
        context.messageAdapter(
            ParticleActor.Drained.class, d -> new ParticleDrained(d.particleId()));
    context.getSystem().receptionist().tell(Receptionist.register(PEERS, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Start.class, this::onStart)
        .onMessage(ParticleEnded.class, this::onParticleEnded)
        .onMessage(StopTaking.class, this::onStopTaking)
        .onMessage(ParticleDrained.class, this::onParticleDrained)
        .onMessage(Quiet.class, this::onQuiet)
        .onMessage(Busy.class, this::onBusy)
        .onMessage(Sweep.class, message -> onSweep())
        .onSignal(akka.actor.typed.PreRestart.class, signal -> onRestart())
        .build();
  }

  private Behavior<Command> onDeliver(Deliver deliver) {
    runtime.metrics().particlesReceived.inc();
    trace(deliver.particle(), ParticleTrace.HopKind.RECEIVED, deliver.fromPeerId());
    Optional<String> refusal = accept(deliver.particle(), deliver.fromPeerId(), Optional.empty());
    refusal.ifPresent(
        reason ->
            getContext()
                .getLog()
                .warn(
                    "refused particle {} from {}: {}",
                    deliver.particle().id(),
                    deliver.fromPeerId(),
                    reason));
    return this;
  }

  private Behavior<Command> onStart(Start start) {
    runtime.metrics().particlesReceived.inc();
    trace(start.particle(), ParticleTrace.HopKind.STARTED, "");
    Optional<String> refusal = accept(start.particle(), "", Optional.of(start.session()));
    start.replyTo().tell(new Started(refusal));
    return this;
  }

  /** Routes the particle to its actor, making one if needed; empty when taken, else the reason. */
  private Optional<String> accept(
      Particle particle, String fromPeerId, Optional<ParticleSession> session) {
    // Counts the whole script: once per arrival.
    long size = particle.sizeBytes();
    LiveParticle existing = live.get(particle.id());
    if (existing != null) {
      Optional<ParticleChecks.Refusal> wrong =
          checks.laterArrival(existing.header(), particle, size);
      if (wrong.isPresent()) {
        return refuse(particle, wrong.get());
      }
      if (size > existing.bytes()) {
        Optional<String> full = budget.grow(size - existing.bytes());
        if (full.isPresent()) {
          return overloaded(particle, full.get());
        }
        existing = existing.withBytes(size);
        live.put(particle.id(), existing);
      }
      arriving(particle);
      handOver(existing, new ParticleActor.Arrived(particle, fromPeerId));
      return Optional.empty();
    }
    // A particle this peer starts itself was signed by its host a moment ago: only the network's
    // particles need their signature checked.
    Optional<ParticleChecks.Refusal> problem =
        checks.newParticle(particle, size, session.isEmpty());
    if (problem.isPresent()) {
      return refuse(particle, problem.get());
    }
    if (stopRequested.isPresent() || stopped) {
      return refuse(
          particle, RefusalReason.SHUTTING_DOWN, "peer " + runtime.peerId() + " is shutting down");
    }
    Optional<String> full = budget.take(size);
    if (full.isPresent()) {
      return overloaded(particle, full.get());
    }
    runtime.metrics().particlesInFlight.incrementAndGet();
    arriving(particle);
    LiveParticle.Active started =
        start(
            particle.withData(new byte[0]),
            size,
            session,
            ParticleState.EMPTY,
            List.of(new ParticleActor.Arrived(particle, fromPeerId)));
    live.put(particle.id(), started);
    return Optional.empty();
  }

  /**
   * Gives an arrival to the particle's actor, holding it while the actor stops, or starting one.
   */
  private void handOver(LiveParticle particle, ParticleActor.Arrived arrived) {
    String id = particle.header().id();
    if (particle instanceof LiveParticle.Active active) {
      active.actor().tell(arrived);
      live.put(id, active.delivering());
    } else if (particle instanceof LiveParticle.Stopping stopping) {
      stopping.held().add(arrived);
    } else if (particle instanceof LiveParticle.Dormant dormant) {
      resumed(dormant.header());
      live.put(
          id,
          start(
              dormant.header(),
              dormant.bytes(),
              dormant.session(),
              dormant.state(),
              List.of(arrived)));
    }
  }

  private void resumed(Particle header) {
    runtime.metrics().particlesResumed.inc();
    trace(header, ParticleTrace.HopKind.RESUMED, "");
  }

  /** Spawns the particle's actor from {@code state} and hands it {@code arrivals}. */
  private LiveParticle.Active start(
      Particle header,
      long bytes,
      Optional<ParticleSession> session,
      ParticleState state,
      List<ParticleActor.Arrived> arrivals) {
    ActorRef<ParticleActor.Command> actor =
        getContext()
            .spawn(
                ParticleActor.create(runtime, getContext().getSelf(), header, session, state),
                "p" + (spawned++));
    getContext().watchWith(actor, new ParticleEnded(header.id()));
    arrivals.forEach(actor::tell);
    if (draining.contains(header.id())) {
      actor.tell(new ParticleActor.Drain(drainedAdapter));
    }
    return new LiveParticle.Active(header, bytes, session, actor, arrivals.size());
  }

  private Behavior<Command> onQuiet(Quiet report) {
    quiet.quiet(
        new QuietParticles.Mark(
            report.particleId(), report.handled(), report.state(), runtime.clock().millis()));
    return this;
  }

  private Behavior<Command> onSweep() {
    long now = runtime.clock().millis();
    quiet.idleAt(now).forEach(this::stopIfStillQuiet);
    quiet.expiredAt(now).forEach(this::expireIfDormant);
    return this;
  }

  /** Stops a quiet particle's actor unless the inbox has handed it an arrival since. */
  private void stopIfStillQuiet(QuietParticles.Mark mark) {
    if (live.get(mark.particleId()) instanceof LiveParticle.Active active
        && active.delivered() == mark.handled()) {
      active.actor().tell(ParticleActor.Passivate.INSTANCE);
      live.put(
          mark.particleId(),
          new LiveParticle.Stopping(
              active.header(),
              active.bytes(),
              active.session(),
              active.actor(),
              mark.handled(),
              mark.state(),
              new ArrayList<>()));
    }
  }

  private Behavior<Command> onBusy(Busy busy) {
    // The actor stays: what was held for it goes to it.
    if (live.get(busy.particleId()) instanceof LiveParticle.Stopping stopping) {
      stopping.held().forEach(stopping.actor()::tell);
      live.put(
          busy.particleId(),
          new LiveParticle.Active(
              stopping.header(),
              stopping.bytes(),
              stopping.session(),
              stopping.actor(),
              stopping.handled() + stopping.held().size()));
    }
    return this;
  }

  private Optional<String> overloaded(Particle particle, String why) {
    return refuse(particle, RefusalReason.OVERLOADED, "peer " + runtime.peerId() + " " + why);
  }

  private Optional<String> refuse(Particle particle, RefusalReason reason, String message) {
    runtime.metrics().refused(reason);
    trace(particle, ParticleTrace.HopKind.REFUSED, reason.label());
    return Optional.of(message);
  }

  private Optional<String> refuse(Particle particle, ParticleChecks.Refusal refusal) {
    return refuse(particle, refusal.reason(), refusal.message());
  }

  /** Restarting drops the held particles (their actors stop): they no longer count as live. */
  private Behavior<Command> onRestart() {
    live.values().forEach(l -> budget.release(l.bytes()));
    runtime.metrics().particlesInFlight.addAndGet(-live.size());
    live.clear();
    quiet.clear();
    return this;
  }

  private Behavior<Command> onParticleEnded(ParticleEnded ended) {
    String id = ended.particleId();
    if (live.get(id) instanceof LiveParticle.Stopping stopping
        && stopping.header().deadlineMs() > runtime.clock().millis()) {
      // Passivated, not expired: keep the state, or start again at once for what came meanwhile.
      runtime.metrics().particlesPassivated.inc();
      trace(stopping.header(), ParticleTrace.HopKind.PASSIVATED, "");
      if (stopping.held().isEmpty()) {
        live.put(
            id,
            new LiveParticle.Dormant(
                stopping.header(), stopping.bytes(), stopping.session(), stopping.state()));
        quiet.dormant(id, stopping.header().deadlineMs());
        draining.remove(id);
        replyIfDrained();
      } else {
        resumed(stopping.header());
        live.put(
            id,
            start(
                stopping.header(),
                stopping.bytes(),
                stopping.session(),
                stopping.state(),
                stopping.held()));
      }
      return this;
    }
    if (live.get(id) instanceof LiveParticle.Stopping stopping) {
      // Stopped at its deadline, by the TTL or told to stop just before: either way its init
      // peer's caller must learn it expired (a second notice is ignored).
      stopping.session().ifPresent(ParticleSession::expired);
    }
    end(id);
    return this;
  }

  /** A dormant particle reached its TTL: what its actor would have done at the deadline. */
  private void expireIfDormant(String particleId) {
    if (live.get(particleId) instanceof LiveParticle.Dormant dormant) {
      runtime.metrics().particlesExpired.inc();
      trace(dormant.header(), ParticleTrace.HopKind.EXPIRED, "");
      dormant.session().ifPresent(ParticleSession::expired);
      end(particleId);
    }
  }

  private void end(String particleId) {
    LiveParticle gone = live.remove(particleId);
    if (gone != null) {
      budget.release(gone.bytes());
      runtime.metrics().particlesInFlight.decrementAndGet();
    }
    draining.remove(particleId);
    replyIfDrained();
  }

  private Behavior<Command> onStopTaking(StopTaking stop) {
    getContext()
        .getSystem()
        .receptionist()
        .tell(Receptionist.deregister(PEERS, getContext().getSelf()));
    stopRequested = Optional.of(stop.replyTo());
    // Dormant particles have no pending work; a stopping one is drained once it has stopped.
    live.forEach(
        (id, particle) -> {
          if (particle instanceof LiveParticle.Active active) {
            draining.add(id);
            active.actor().tell(new ParticleActor.Drain(drainedAdapter));
          } else if (particle instanceof LiveParticle.Stopping) {
            draining.add(id);
          }
        });
    replyIfDrained();
    return this;
  }

  private Behavior<Command> onParticleDrained(ParticleDrained drained) {
    draining.remove(drained.particleId());
    replyIfDrained();
    return this;
  }

  private void replyIfDrained() {
    if (stopRequested.isPresent() && draining.isEmpty()) {
      stopRequested.get().tell(Stopped.INSTANCE);
      stopRequested = Optional.empty();
      stopped = true;
    }
  }

  /** Counts the arrival as work the particle's actor has pending until it handles it. */
  private void arriving(Particle particle) {
    runtime.traces().forParticle(particle.id()).ifPresent(t -> t.workStarted(runtime.peerId()));
  }

  private void trace(Particle particle, ParticleTrace.HopKind kind, String other) {
    runtime
        .traces()
        .forParticle(particle.id())
        .ifPresent(t -> t.hop(runtime.clock().millis(), kind, runtime.peerId(), other));
    if (runtime.traceLog()) {
      ParticleActor.TRACE.info(
          "particle={} peer={} {} {}",
          particle.id(),
          runtime.peerId(),
          kind.name().toLowerCase(java.util.Locale.ROOT),
          other);
    }
  }
}
