package io.gyre.node.particle;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import io.gyre.node.GyreSerializable;
import io.gyre.node.cluster.PeerDirectory;
import io.gyre.node.metrics.NodeMetrics.RefusalReason;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where particles for one hosted peer arrive. It checks each new particle (signature, TTL, clock
 * skew, size), keeps one {@link ParticleActor} per live particle id, bounds how many are live
 * (shared across the node's peers), and on a graceful stop takes no new particles and waits for the
 * held ones to finish their work.
 */
public final class ParticleInbox extends AbstractBehavior<ParticleInbox.Command> {

  public interface Command {}

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

  private record ParticleEnded(String particleId) implements Command {}

  private record ParticleDrained(String particleId) implements Command {}

  /** A live particle: its actor, its header (data dropped), and the bytes it is counted at. */
  private record Live(ActorRef<ParticleActor.Command> actor, Particle header, long bytes) {}

  private final PeerRuntime runtime;
  private final InFlightBudget budget;
  private final Map<String, Live> live = new HashMap<>();
  private final Set<String> draining = new HashSet<>();
  private final ActorRef<ParticleActor.Drained> drainedAdapter;
  private Optional<ActorRef<Stopped>> stopRequested = Optional.empty();
  private boolean stopped;
  private long spawned;

  /**
   * @param budget live particles across all the node's peers (the limits are per node)
   */
  public static Behavior<Command> create(PeerRuntime runtime, InFlightBudget budget) {
    return Behaviors.setup(context -> new ParticleInbox(context, runtime, budget));
  }

  private ParticleInbox(ActorContext<Command> context, PeerRuntime runtime, InFlightBudget budget) {
    super(context);
    this.runtime = runtime;
    this.budget = budget;
    this.drainedAdapter =
        context.messageAdapter(
            ParticleActor.Drained.class, d -> new ParticleDrained(d.particleId()));
    context
        .getSystem()
        .receptionist()
        .tell(Receptionist.register(PeerDirectory.PEERS, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Start.class, this::onStart)
        .onMessage(ParticleEnded.class, this::onParticleEnded)
        .onMessage(StopTaking.class, this::onStopTaking)
        .onMessage(ParticleDrained.class, this::onParticleDrained)
        .onSignal(akka.actor.typed.PreRestart.class, signal -> onRestart())
        .build();
  }

  private Behavior<Command> onDeliver(Deliver deliver) {
    runtime.metrics().particlesReceived.increment();
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
    runtime.metrics().particlesReceived.increment();
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
    Live existing = live.get(particle.id());
    if (existing != null) {
      if (!sameHeader(existing.header(), particle)) {
        return refuse(
            particle,
            RefusalReason.MALFORMED,
            "particle id "
                + particle.id()
                + " is live with another init peer, timestamp, TTL or script");
      }
      Optional<String> tooLarge = tooLarge(particle, size);
      if (tooLarge.isPresent()) {
        return tooLarge;
      }
      if (size > existing.bytes()) {
        Optional<String> full = budget.grow(size - existing.bytes());
        if (full.isPresent()) {
          return overloaded(particle, full.get());
        }
        live.put(particle.id(), new Live(existing.actor(), existing.header(), size));
      }
      arriving(particle);
      existing.actor().tell(new ParticleActor.Arrived(particle, fromPeerId));
      return Optional.empty();
    }
    // A particle this peer starts itself was signed by its host a moment ago: only the network's
    // particles need their signature checked.
    Optional<String> problem = check(particle, size, session.isEmpty());
    if (problem.isPresent()) {
      return problem;
    }
    if (stopRequested.isPresent() || stopped) {
      return refuse(
          particle, RefusalReason.SHUTTING_DOWN, "peer " + runtime.peerId() + " is shutting down");
    }
    Optional<String> full = budget.take(size);
    if (full.isPresent()) {
      return overloaded(particle, full.get());
    }
    ActorRef<ParticleActor.Command> actor =
        getContext().spawn(ParticleActor.create(runtime, particle, session), "p" + (spawned++));
    getContext().watchWith(actor, new ParticleEnded(particle.id()));
    live.put(particle.id(), new Live(actor, particle.withData(new byte[0]), size));
    runtime.metrics().particlesInFlight.incrementAndGet();
    arriving(particle);
    actor.tell(new ParticleActor.Arrived(particle, fromPeerId));
    return Optional.empty();
  }

  private Optional<String> check(Particle particle, long size, boolean verifySignature) {
    long now = runtime.clock().millis();
    if (particle.deadlineMs() < now) {
      return refuse(
          particle,
          RefusalReason.EXPIRED,
          "particle "
              + particle.id()
              + " expired "
              + (now - particle.deadlineMs())
              + " ms ago (TTL "
              + particle.ttlMs()
              + " ms)");
    }
    long skewMs = runtime.limits().maxClockSkew().toMillis();
    if (particle.timestampMs() > now + skewMs) {
      return refuse(
          particle,
          RefusalReason.MALFORMED,
          "particle "
              + particle.id()
              + " has a timestamp "
              + (particle.timestampMs() - now)
              + " ms in the future");
    }
    Optional<String> tooLarge = tooLarge(particle, size);
    if (tooLarge.isPresent()) {
      return tooLarge;
    }
    Optional<String> signature =
        verifySignature ? ParticleSignature.verify(particle) : Optional.empty();
    if (signature.isPresent()) {
      return refuse(
          particle,
          RefusalReason.BAD_SIGNATURE,
          "particle " + particle.id() + ": " + signature.get());
    }
    return Optional.empty();
  }

  private Optional<String> tooLarge(Particle particle, long size) {
    if (size <= runtime.limits().maxParticleBytes()) {
      return Optional.empty();
    }
    return refuse(
        particle,
        RefusalReason.TOO_LARGE,
        "particle "
            + particle.id()
            + " has "
            + size
            + " bytes; the limit is "
            + runtime.limits().maxParticleBytes());
  }

  private Optional<String> overloaded(Particle particle, String why) {
    return refuse(particle, RefusalReason.OVERLOADED, "peer " + runtime.peerId() + " " + why);
  }

  private Optional<String> refuse(Particle particle, RefusalReason reason, String message) {
    runtime.metrics().refused(reason);
    trace(particle, ParticleTrace.HopKind.REFUSED, reason.label());
    return Optional.of(message);
  }

  private static boolean sameHeader(Particle known, Particle arrived) {
    return known.initPeerId().equals(arrived.initPeerId())
        && known.timestampMs() == arrived.timestampMs()
        && known.ttlMs() == arrived.ttlMs()
        && java.util.Arrays.equals(known.signature(), arrived.signature())
        && known.script().equals(arrived.script());
  }

  /** Restarting drops the held particles (their actors stop): they no longer count as live. */
  private Behavior<Command> onRestart() {
    live.values().forEach(l -> budget.release(l.bytes()));
    runtime.metrics().particlesInFlight.addAndGet(-live.size());
    live.clear();
    return this;
  }

  private Behavior<Command> onParticleEnded(ParticleEnded ended) {
    Live gone = live.remove(ended.particleId());
    if (gone != null) {
      budget.release(gone.bytes());
      runtime.metrics().particlesInFlight.decrementAndGet();
    }
    draining.remove(ended.particleId());
    replyIfDrained();
    return this;
  }

  private Behavior<Command> onStopTaking(StopTaking stop) {
    getContext()
        .getSystem()
        .receptionist()
        .tell(Receptionist.deregister(PeerDirectory.PEERS, getContext().getSelf()));
    stopRequested = Optional.of(stop.replyTo());
    draining.addAll(live.keySet());
    live.values().forEach(l -> l.actor().tell(new ParticleActor.Drain(drainedAdapter)));
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
