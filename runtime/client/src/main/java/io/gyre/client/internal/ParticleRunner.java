package io.gyre.client.internal;

import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.client.CallFailed;
import io.gyre.client.Disconnected;
import io.gyre.client.GyreClientException;
import io.gyre.client.NoRoute;
import io.gyre.client.ParticleExpired;
import io.gyre.client.ParticleRefused;
import io.gyre.identity.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client as a peer of its scripts: it runs the interpreter with the client's key on each
 * particle it starts or that its relay delivers, answers the calls addressed to it (its function
 * calls' own services, its registered services, js-client's builtins), and sends the particle to
 * its relay whenever the script names another peer next. Every particle's state lives on one thread
 * ({@code thread}); public methods hand their work to it. Particles end at their TTL, or as soon as
 * the call the client made with them is answered and nothing is pending.
 */
public final class ParticleRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ParticleRunner.class);
  private static final byte[] EMPTY = new byte[0];

  private final KeyPair key;
  private final String self;
  private final Interpreter interpreter;
  private final ClientServices services;
  private final Consumer<Particle> send;
  private final ScheduledExecutorService thread;
  private final Clock clock;
  private final int maxLive;
  private final long maxParticleBytes;
  private final Map<String, ClientParticle> live = new HashMap<>();

  /**
   * @param send hands a particle to the relay (from the particle thread; must not block)
   * @param maxLive particles of others held at once; more are dropped
   * @param maxParticleBytes script and data of a particle this client sends at most
   */
  public ParticleRunner(
      KeyPair key,
      Interpreter interpreter,
      ClientServices services,
      Consumer<Particle> send,
      ScheduledExecutorService thread,
      Clock clock,
      int maxLive,
      long maxParticleBytes) {
    this.key = key;
    this.self = key.peerId().base58();
    this.interpreter = interpreter;
    this.services = services;
    this.send = send;
    this.thread = thread;
    this.clock = clock;
    this.maxLive = maxLive;
    this.maxParticleBytes = maxParticleBytes;
  }

  /** Runs a particle this client signed for {@code call}. */
  public void start(Particle particle, FunctionCall call) {
    thread.execute(
        () -> {
          ClientParticle state = new ClientParticle(particle, Optional.of(call));
          live.put(particle.id(), state);
          expireAt(state);
          process(state, EMPTY);
        });
  }

  /** A particle the relay delivered. */
  public void arrived(Particle particle) {
    thread.execute(() -> onArrived(particle));
  }

  /** The relay's word on one of this client's particles. */
  public void error(ParticleError error) {
    thread.execute(() -> onError(error));
  }

  /** The relay is gone: the calls in flight fail, every particle is dropped. */
  public void disconnected(String why) {
    thread.execute(
        () -> {
          for (ClientParticle state : live.values()) {
            state.call.ifPresent(
                c -> c.fail(new Disconnected(state.header.id(), why + "; the call is lost")));
          }
          live.clear();
        });
  }

  private void onArrived(Particle particle) {
    ClientParticle state = live.get(particle.id());
    if (state == null) {
      state = adopt(particle).orElse(null);
      if (state == null) {
        return;
      }
    } else if (!state.sameHeader(particle)) {
      LOG.warn("particle {} arrived with another header than the one held; dropped", particle.id());
      return;
    }
    if (state.firstSeen(particle.data())) {
      process(state, particle.data());
    }
  }

  /** A particle new to this client: checked, then held until its TTL. */
  private Optional<ClientParticle> adopt(Particle particle) {
    String why = null;
    if (particle.initPeerId().equals(self)) {
      why = "it is this client's own, already answered or expired";
    } else if (particle.deadlineMs() < clock.millis()) {
      why = "it expired";
    } else if (live.size() >= maxLive) {
      why = "this client holds its limit of " + maxLive + " particles";
    } else {
      why = ParticleSignature.verify(particle).orElse(null);
    }
    if (why != null) {
      LOG.debug("particle {} from the relay dropped: {}", particle.id(), why);
      return Optional.empty();
    }
    ClientParticle state = new ClientParticle(particle, Optional.empty());
    live.put(particle.id(), state);
    expireAt(state);
    return Optional.of(state);
  }

  /** Runs the script until no local work is left, then sends what the script sends on. */
  private void process(ClientParticle state, byte[] incoming) {
    byte[] arriving = incoming;
    boolean again = true;
    while (again) {
      Map<Integer, CallResult> results = Map.copyOf(state.ready);
      state.ready.clear();
      Optional<Outcome> outcome = run(state, arriving, results);
      arriving = EMPTY;
      if (outcome.isEmpty()) {
        return;
      }
      List<String> next = outcome.get().nextPeers();
      for (CallRequest request : outcome.get().callRequests()) {
        call(state, request);
      }
      if (next.stream().anyMatch(peer -> !peer.equals(self)) && !sendOn(state)) {
        return;
      }
      state.call.ifPresent(FunctionCall::ran);
      again = !state.ready.isEmpty() || next.contains(self);
    }
    if (state.finished()) {
      live.remove(state.header.id());
    }
  }

  /** Sends the particle to the relay unless it is too large; false when it was not sent. */
  private boolean sendOn(ClientParticle state) {
    Particle outgoing = state.header.withData(state.data);
    long size = outgoing.sizeBytes();
    if (size <= maxParticleBytes) {
      send.accept(outgoing);
      return true;
    }
    String message =
        "particle "
            + outgoing.id()
            + " has "
            + size
            + " bytes of script and data; this client sends at most "
            + maxParticleBytes;
    LOG.warn(message);
    live.remove(outgoing.id());
    state.call.ifPresent(
        c -> c.fail(new ParticleRefused(outgoing.id(), ParticleError.Code.TOO_LARGE, message)));
    return false;
  }

  private Optional<Outcome> run(
      ClientParticle state, byte[] incoming, Map<Integer, CallResult> results) {
    Particle header = state.header;
    RunContext context =
        new RunContext(
            key,
            header.id(),
            header.initPeerId(),
            header.timestampMs(),
            header.ttlMs(),
            clock.millis());
    Outcome outcome = interpreter.run(header.script(), state.data, incoming, results, context);
    if (outcome.error().isPresent()) {
      String message =
          "interpreter error "
              + outcome.error().get().retCode()
              + " on client "
              + self
              + ": "
              + outcome.error().get().message();
      LOG.debug("particle {}: {}", header.id(), message);
      state.call.ifPresent(c -> c.fail(new CallFailed(header.id(), message, List.of())));
      return Optional.empty();
    }
    state.data = outcome.data();
    return Optional.of(outcome);
  }

  private void call(ClientParticle state, CallRequest request) {
    Optional<CallResult> own = state.call.flatMap(c -> c.answer(request));
    if (own.isPresent()) {
      state.ready.put(request.key(), own.get());
      return;
    }
    if (!state.inFlight.add(request.key())) {
      return;
    }
    String id = state.header.id();
    services
        .call(request, id, state.header.initPeerId(), clock.millis())
        .thenAccept(result -> thread.execute(() -> callDone(id, request.key(), result)));
  }

  private void callDone(String particleId, int key, CallResult result) {
    ClientParticle state = live.get(particleId);
    if (state == null || !state.inFlight.remove(key)) {
      return; // expired or dropped meanwhile
    }
    state.ready.put(key, result);
    process(state, EMPTY);
  }

  private void onError(ParticleError error) {
    ClientParticle state = live.get(error.particleId());
    if (state == null || state.call.isEmpty()) {
      LOG.warn("the relay says: {}", error);
      return;
    }
    live.remove(error.particleId());
    state.call.get().fail(exception(error));
  }

  private static GyreClientException exception(ParticleError error) {
    return switch (error.code()) {
      case EXPIRED -> new ParticleExpired(error.particleId(), error.message());
      case NO_ROUTE -> new NoRoute(error.particleId(), error.message());
      default -> new ParticleRefused(error.particleId(), error.code(), error.message());
    };
  }

  private void expireAt(ClientParticle state) {
    long delay = Math.max(0, state.header.deadlineMs() - clock.millis());
    thread.schedule(() -> expire(state), delay, TimeUnit.MILLISECONDS);
  }

  private void expire(ClientParticle state) {
    String id = state.header.id();
    if (live.get(id) != state) {
      return;
    }
    live.remove(id);
    state.call.ifPresent(
        c ->
            c.fail(
                new ParticleExpired(
                    id,
                    "particle "
                        + id
                        + " got no response within its TTL of "
                        + state.header.ttlMs()
                        + " ms")));
  }

  /** Particles held now (for tests and metrics); read on the particle thread. */
  public List<String> liveIds() {
    try {
      return thread.submit(() -> new ArrayList<>(live.keySet())).get();
    } catch (Exception e) {
      throw new IllegalStateException("the particle thread is gone", e);
    }
  }
}
