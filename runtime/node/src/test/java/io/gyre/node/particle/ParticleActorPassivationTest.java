package io.gyre.node.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.services.JavaServices;
import io.gyre.node.services.LocalServices;
import io.gyre.node.services.ServiceCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The particle actor's side of passivation, through its protocol with a probe as its inbox: it
 * reports Quiet (with the arrivals it handled and its state) once nothing is pending, stops on
 * Passivate when quiet, and answers Busy when work came in after its report.
 */
class ParticleActorPassivationTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final KeyPair ALICE = KeyPair.fromSeedName("alice");
  private static final String ME = ALICE.peerId().base58();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** A peer whose {@code slow.wait} answers when the test completes {@code slow}. */
  private static PeerRuntime peer(NodeMetrics metrics, CompletableFuture<CallResult> slow) {
    JavaServices java = new JavaServices(Runnable::run);
    java.register("slow", call -> slow);
    return new PeerRuntime(
        ALICE,
        new LocalServices(List.of(java), metrics),
        new Interpreter(AirLimits.AQUAVM_DEFAULTS),
        peerId -> Optional.empty(),
        new NodeSettings.Limits(
            100, 1 << 30, 80 << 20, AirLimits.AQUAVM_DEFAULTS, Duration.ofSeconds(60)),
        metrics,
        new ParticleTraces(100),
        false,
        Clock.systemUTC());
  }

  private static Particle particle(String id, String script, long ttlMs) {
    return ParticleSignature.sign(ALICE, id, System.currentTimeMillis(), ttlMs, script);
  }

  private static ActorRef<ParticleActor.Command> spawn(
      PeerRuntime peer, TestProbe<ParticleInbox.Command> inbox, Particle particle) {
    return KIT.spawn(
        ParticleActor.create(
            peer, inbox.getRef(), particle, Optional.empty(), ParticleState.EMPTY));
  }

  @Test
  void reportsQuietWithTheArrivalsItHandledAndStopsOnPassivate() {
    TestProbe<ParticleInbox.Command> inbox = KIT.createTestProbe();
    Particle particle = particle("quiet-1", "(null)", 60_000);
    ActorRef<ParticleActor.Command> actor =
        spawn(peer(new NodeMetrics(), new CompletableFuture<>()), inbox, particle);

    actor.tell(new ParticleActor.Arrived(particle, ""));

    ParticleInbox.Quiet quiet = inbox.expectMessageClass(ParticleInbox.Quiet.class);
    assertEquals("quiet-1", quiet.particleId());
    assertEquals(1, quiet.handled());
    assertEquals(1, quiet.state().seenData().size(), "the digest of what arrived is kept");

    actor.tell(ParticleActor.Passivate.INSTANCE);
    inbox.expectTerminated(actor);
  }

  @Test
  void anArrivalAfterTheReportIsReportedAgainWithTheNewCount() {
    TestProbe<ParticleInbox.Command> inbox = KIT.createTestProbe();
    NodeMetrics metrics = new NodeMetrics();
    Particle particle = particle("quiet-2", "(null)", 60_000);
    ActorRef<ParticleActor.Command> actor =
        spawn(peer(metrics, new CompletableFuture<>()), inbox, particle);

    actor.tell(new ParticleActor.Arrived(particle, ""));
    assertEquals(1, inbox.expectMessageClass(ParticleInbox.Quiet.class).handled());
    actor.tell(new ParticleActor.Arrived(particle, "someone"));

    // The same data again: a duplicate, dropped, and the actor is quiet after two arrivals.
    assertEquals(2, inbox.expectMessageClass(ParticleInbox.Quiet.class).handled());
    assertEquals(1, metrics.particlesDuplicate.getLongValue());
  }

  @Test
  void passivateWhileACallIsPendingAnswersBusyAndTheActorFinishesItsWork() {
    TestProbe<ParticleInbox.Command> inbox = KIT.createTestProbe();
    CompletableFuture<CallResult> slow = new CompletableFuture<>();
    Particle particle =
        particle("busy-1", "(call \"" + ME + "\" (\"slow\" \"wait\") [] r)", 60_000);
    ActorRef<ParticleActor.Command> actor = spawn(peer(new NodeMetrics(), slow), inbox, particle);

    actor.tell(new ParticleActor.Arrived(particle, ""));
    actor.tell(ParticleActor.Passivate.INSTANCE);

    // The call is in flight: no Quiet came first, the actor declines to stop.
    assertEquals("busy-1", inbox.expectMessageClass(ParticleInbox.Busy.class).particleId());
    slow.complete(CallResult.ok(new TextNode("done")));
    ParticleInbox.Quiet quiet = inbox.expectMessageClass(ParticleInbox.Quiet.class);
    assertEquals(1, quiet.handled());
    assertTrue(quiet.state().prevData().length > 0, "the call's result is in the kept data");
    actor.tell(ParticleActor.Passivate.INSTANCE);
    inbox.expectTerminated(actor);
  }

  @Test
  void aParticlePastItsDeadlineStopsAndTellsItsSession() {
    TestProbe<ParticleInbox.Command> inbox = KIT.createTestProbe();
    AtomicInteger expired = new AtomicInteger();
    ParticleSession session =
        new ParticleSession() {
          @Override
          public Optional<CallResult> answer(ServiceCall call) {
            return Optional.empty();
          }

          @Override
          public void failed(String reason) {}

          @Override
          public void expired() {
            expired.incrementAndGet();
          }
        };
    Particle particle =
        ParticleSignature.sign(ALICE, "late-1", System.currentTimeMillis() - 10_000, 1, "(null)");

    ActorRef<ParticleActor.Command> actor =
        KIT.spawn(
            ParticleActor.create(
                peer(new NodeMetrics(), new CompletableFuture<>()),
                inbox.getRef(),
                particle,
                Optional.of(session),
                ParticleState.EMPTY));

    inbox.expectTerminated(actor);
    assertEquals(1, expired.get());
  }
}
