package io.gyre.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.AirLimits;
import io.gyre.air.Interpreter;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.client.internal.AnnotatedService;
import io.gyre.client.internal.ClientServices;
import io.gyre.client.internal.FunctionCall;
import io.gyre.client.internal.ParticleRunner;
import io.gyre.client.internal.RelayLink;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Multiaddr;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Gyre client: one identity (its own key), connected to one peer of the network, its relay, over
 * libp2p. It calls Aqua functions — signing each particle, running its own part of the script
 * locally and sending the rest through the relay — and answers calls to the services it registers.
 *
 * <pre>{@code
 * try (GyreClient client = GyreClient.connect(Multiaddr.parse("/ip4/127.0.0.1/tcp/7400/p2p/12D3KooW…"))) {
 *   client.registerService("greeter", (function, args) -> "hi, " + args.get(0, String.class));
 *   AquaFunction hello = AquaFunctions.load(Path.of("hello.aqua"), "hello", List.of());
 *   JsonNode answer = client.call(hello, Map.of("name", "Gyre")).get();
 * }
 * }</pre>
 *
 * <p>A call's future fails with {@link ParticleExpired}, {@link CallFailed}, {@link NoRoute},
 * {@link ParticleRefused} or {@link Disconnected}, each with the particle id. When the connection
 * drops the client reconnects by itself, to the next known relay first, with back-off; calls made
 * meanwhile wait for the connection (at most their TTL). Thread-safe.
 */
public final class GyreClient implements AutoCloseable {
  /** Room in a particle message for its header beyond script and data. */
  private static final int MESSAGE_HEADER_ROOM = 64 * 1024;

  private final ClientOptions options;
  private final KeyPair key;
  private final ScheduledExecutorService particleThread;
  private final ScheduledExecutorService timer;
  private final ExecutorService handlers;
  private final ClientServices services;
  private final ParticleRunner runner;
  private final RelayLink link;
  private volatile CompletableFuture<PeerId> connected = new CompletableFuture<>();
  private volatile boolean closed;

  private GyreClient(ClientOptions options) {
    this.options = options;
    this.key = options.key();
    String tag = key.peerId().base58().substring(key.peerId().base58().length() - 6);
    ScheduledThreadPoolExecutor particles =
        new ScheduledThreadPoolExecutor(1, threads("gyre-client-" + tag));
    // close() lets queued work finish (failing the calls in flight) but not the TTL timers of
    // particles: waiting for those made every close take its full 5 s
    particles.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.particleThread = particles;
    this.timer = Executors.newSingleThreadScheduledExecutor(threads("gyre-client-timer-" + tag));
    this.handlers = Executors.newCachedThreadPool(threads("gyre-client-service-" + tag + "-"));
    this.services = new ClientServices(handlers, timer);
    this.link =
        new RelayLink(
            key,
            options.relays(),
            new RelayEvents(),
            timer,
            options.maxBackoff(),
            options.maxParticleBytes() + MESSAGE_HEADER_ROOM);
    this.runner =
        new ParticleRunner(
            key,
            new Interpreter(AirLimits.AQUAVM_DEFAULTS),
            services,
            particle -> link.send(particle),
            particleThread,
            Clock.systemUTC(),
            options.maxLiveParticles(),
            options.maxParticleBytes());
  }

  /** Connects to {@code relay} with a new random key. */
  public static GyreClient connect(Multiaddr relay) {
    return connect(relay, KeyPair.generate());
  }

  /** Connects to {@code relay} as {@code key}'s peer. */
  public static GyreClient connect(Multiaddr relay, KeyPair key) {
    return connect(ClientOptions.of(List.of(relay), key));
  }

  /**
   * Connects to the first of the options' relays that answers.
   *
   * @throws ConnectFailed when none does
   */
  public static GyreClient connect(ClientOptions options) {
    GyreClient client = new GyreClient(options);
    try {
      client.link.connect(options.connectTimeout());
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** This client's peer id: the init peer of the particles it starts. */
  public PeerId peerId() {
    return key.peerId();
  }

  public KeyPair key() {
    return key;
  }

  /** The relay connected to now (empty while reconnecting). */
  public Optional<PeerId> relayPeerId() {
    return link.relay();
  }

  /** Completes when the client is connected (at once when it is). */
  public CompletableFuture<PeerId> whenConnected() {
    return connected.copy();
  }

  /** Answers {@code serviceId}'s calls on this client with {@code handler} (replacing any). */
  public void registerService(String serviceId, ServiceHandler handler) {
    services.register(serviceId, handler);
  }

  /**
   * Answers {@code serviceId}'s calls with the {@link ServiceFunction} methods of {@code service}.
   *
   * @throws IllegalArgumentException when it has none
   */
  public void registerService(String serviceId, Object service) {
    services.register(
        serviceId,
        service instanceof ServiceHandler handler ? handler : AnnotatedService.of(service));
  }

  /** Stops answering {@code serviceId}; true when it was registered. */
  public boolean unregisterService(String serviceId) {
    return services.unregister(serviceId);
  }

  /**
   * Calls {@code function} with arguments by name (Java values, converted with Jackson).
   *
   * @throws IllegalArgumentException at once when an argument is missing or unknown
   */
  public CallFuture call(AquaFunction function, Map<String, ?> arguments) {
    return call(function, function.bind(arguments), options.ttl());
  }

  /** Calls {@code function} with arguments in order. */
  public CallFuture call(AquaFunction function, Object... arguments) {
    return call(function, function.bindInOrder(Arrays.asList(arguments)), options.ttl());
  }

  /**
   * Calls {@code function} with arguments already as AIR gets them ({@link AquaFunction#bind}) and
   * its own TTL. The future completes with the response (several results: an array; none: {@code
   * null} once the particle has left this client).
   */
  public CallFuture call(AquaFunction function, Map<String, JsonNode> airArguments, Duration ttl) {
    return run(function.air(), airArguments, ttl, !function.results().isEmpty());
  }

  /**
   * Runs AIR with this client as its init peer: {@code getDataSrv} answers {@code arguments} and
   * {@code -relay-}; the future completes with what {@code callbackSrv.response} gets, or, when
   * {@code awaitResponse} is false, once the particle has left this client.
   */
  public CallFuture run(
      String air, Map<String, JsonNode> arguments, Duration ttl, boolean awaitResponse) {
    String particleId = UUID.randomUUID().toString();
    CallFuture result = new CallFuture(particleId);
    if (closed) {
      result.completeExceptionally(new Disconnected(particleId, "the client is closed"));
      return result;
    }
    CompletableFuture<PeerId> ready = connected;
    AtomicBoolean started = new AtomicBoolean();
    timer.schedule(
        () -> {
          if (started.compareAndSet(false, true)) {
            result.completeExceptionally(
                new Disconnected(
                    particleId,
                    "no relay answered within the call's TTL of " + ttl.toMillis() + " ms"));
          }
        },
        ttl.toMillis(),
        TimeUnit.MILLISECONDS);
    ready.thenAccept(
        relay -> {
          if (!started.compareAndSet(false, true)) {
            return;
          }
          Particle particle =
              ParticleSignature.sign(
                  key, particleId, System.currentTimeMillis(), ttl.toMillis(), air);
          runner.start(
              particle,
              new FunctionCall(particleId, relay.base58(), arguments, awaitResponse, result));
        });
    return result;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    link.close();
    runner.disconnected("the client was closed");
    particleThread.shutdown();
    timer.shutdownNow();
    handlers.shutdownNow();
    try {
      particleThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the relay link tells: particles and errors for the runner, the connection's state. */
  private final class RelayEvents implements RelayLink.Listener {
    @Override
    public void particle(Particle particle) {
      runner.arrived(particle);
    }

    @Override
    public void error(ParticleError error) {
      runner.error(error);
    }

    @Override
    public void connected(PeerId relay) {
      CompletableFuture<PeerId> waiting = connected;
      if (!waiting.complete(relay)) {
        connected = CompletableFuture.completedFuture(relay);
      }
    }

    @Override
    public void disconnected(PeerId relay, String why) {
      connected = new CompletableFuture<>();
      runner.disconnected(why);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, prefix + (prefix.endsWith("-") ? count.incrementAndGet() : ""));
      thread.setDaemon(true);
      return thread;
    };
  }
}
