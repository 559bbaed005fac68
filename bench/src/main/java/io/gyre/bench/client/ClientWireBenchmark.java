package io.gyre.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.bench.net.Percentiles;
import io.gyre.client.AquaFunction;
import io.gyre.client.AquaFunctions;
import io.gyre.client.ClientOptions;
import io.gyre.client.GyreClient;
import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The SDK over the client wire against a 3-peer cluster in this JVM (every signature checked, as in
 * production): {@code GyreClient.connect} set-up; the round trip client → relay → another peer →
 * relay → client, one call at a time; and sustained particles per second over one connection,
 * closed loop with a fixed number of calls in flight, each call client → relay → client.
 *
 * <p>Arguments: {@code CONNECTS ROUND_TRIPS SECONDS WARMUP_SECONDS IN_FLIGHT}.
 */
public final class ClientWireBenchmark {
  private static final String AQUA =
      """
      aqua Bench

      export echo, viaPeer

      service Op("op"):
        identity(s: string) -> string

      func echo(s: string) -> string:
        on HOST_PEER_ID:
          r <- Op.identity(s)
        <- r

      func viaPeer(peer: string, s: string) -> string:
        on peer:
          r <- Op.identity(s)
        <- r
      """;

  private ClientWireBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connects = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int inFlight = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    Path dir = Files.createTempDirectory("gyre-client-bench-");
    Path aqua = dir.resolve("bench.aqua");
    Files.writeString(aqua, AQUA);
    Map<String, AquaFunction> functions =
        AquaFunctions.compile(List.of(aqua), List.of()).stream()
            .collect(Collectors.toMap(AquaFunction::name, f -> f));
    Map<String, String> settings =
        Map.of(
            "gyre.node.http.enabled", "off",
            "gyre.node.trace.log", "off",
            "gyre.node.trace.keep", "0",
            // one client sends far more than a public relay allows it by default
            "gyre.node.client.rate", "1000000",
            "gyre.node.client.burst", "1000000",
            "akka.loglevel", "WARNING");
    try (LocalNetwork network =
        LocalNetwork.start(
            dir,
            3,
            settings,
            Duration.ofSeconds(120),
            n -> System.out.println("peer up: " + n.peerId()))) {
      GyreNode relay = network.nodes().get(0);
      Multiaddr tcp = relay.clientAddresses().get(0);
      String other = network.nodes().get(1).peerId().base58();
      System.out.println("relay " + tcp);

      List<Long> connectNanos = new ArrayList<>();
      for (int i = 0; i < connects; i++) {
        long start = System.nanoTime();
        try (GyreClient client = GyreClient.connect(tcp, KeyPair.generate())) {
          connectNanos.add(System.nanoTime() - start);
        }
        if ((i + 1) % 20 == 0) {
          System.out.println("connects: " + (i + 1) + "/" + connects);
        }
      }

      ClientOptions options =
          // the relay holds each particle until its TTL: at ~3,000 calls/s, 10 s stays well
          // below its 50,000 in-flight particles (ClusterLoad's TTL too)
          ClientOptions.of(List.of(tcp), KeyPair.generate()).withTtl(Duration.ofSeconds(10));
      try (GyreClient client = GyreClient.connect(options)) {
        List<Long> tripNanos = new ArrayList<>();
        int dropped = Math.max(200, roundTrips / 5);
        for (int i = 0; i < roundTrips + dropped; i++) {
          long start = System.nanoTime();
          client.call(functions.get("viaPeer"), other, "x").get(30, TimeUnit.SECONDS);
          if (i >= dropped) {
            tripNanos.add(System.nanoTime() - start);
          }
          if ((i + 1) % 500 == 0) {
            System.out.println("round trips: " + (i + 1) + "/" + (roundTrips + dropped));
          }
        }
        Sustained sustained = sustained(client, functions.get("echo"), inFlight, warmup, seconds);
        System.out.println();
        System.out.println("| measurement | samples | p50 µs | p99 µs | mean µs |");
        System.out.println("| --- | --- | --- | --- | --- |");
        System.out.println(
            row("GyreClient.connect (TCP + Noise + Yamux + particle stream)", connectNanos));
        System.out.println(row("round trip client → relay → peer → relay → client", tripNanos));
        System.out.println(
            row(
                "sustained, each call client → relay → client (" + inFlight + " in flight)",
                sustained.latencies()));
        System.out.printf(
            "sustained: %d calls in %d s = %.0f calls/s (%.0f particles/s over the connection,"
                + " both ways), %d failed%n",
            sustained.completed(),
            seconds,
            sustained.completed() / (double) seconds,
            2 * sustained.completed() / (double) seconds,
            sustained.failed());
        sustained
            .failures()
            .forEach((kind, count) -> System.out.println("  " + count + " × " + kind));
      }
    }
    System.exit(0);
  }

  private record Sustained(
      long completed, long failed, List<Long> latencies, Map<String, Long> failures) {}

  /** A closed loop: each answer starts the next call. */
  private static Sustained sustained(
      GyreClient client, AquaFunction echo, int inFlight, int warmup, int seconds)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong completed = new AtomicLong();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<String, Long> failures = new java.util.concurrent.ConcurrentHashMap<>();
    for (int i = 0; i < inFlight; i++) {
      loop(client, echo, running, measuring, completed, failures, latencies);
    }
    for (int s = 0; s < warmup; s++) {
      Thread.sleep(1000);
      System.out.println("warm-up " + (s + 1) + "/" + warmup + " s");
    }
    measuring.set(true);
    for (int s = 0; s < seconds; s++) {
      long before = completed.get();
      Thread.sleep(1000);
      System.out.println(
          "measured " + (s + 1) + "/" + seconds + " s: " + (completed.get() - before) + " calls/s");
    }
    measuring.set(false);
    running.set(false);
    long failed = failures.values().stream().mapToLong(Long::longValue).sum();
    return new Sustained(completed.get(), failed, new ArrayList<>(latencies), Map.copyOf(failures));
  }

  private static void loop(
      GyreClient client,
      AquaFunction echo,
      AtomicBoolean running,
      AtomicBoolean measuring,
      AtomicLong completed,
      Map<String, Long> failures,
      ConcurrentLinkedQueue<Long> latencies) {
    if (!running.get()) {
      return;
    }
    long start = System.nanoTime();
    CompletableFuture<JsonNode> call = client.call(echo, "x");
    call.whenComplete(
        (answer, error) -> {
          if (measuring.get()) {
            if (error == null) {
              completed.incrementAndGet();
              latencies.add(System.nanoTime() - start);
            } else {
              Throwable cause = error.getCause() == null ? error : error.getCause();
              String message = String.valueOf(cause.getMessage());
              String kind =
                  cause.getClass().getSimpleName()
                      + ": "
                      + message.substring(0, Math.min(60, message.length()));
              failures.merge(kind, 1L, Long::sum);
            }
          }
          loop(client, echo, running, measuring, completed, failures, latencies);
        });
  }

  private static String row(String name, List<Long> nanos) {
    return Percentiles.of(name, nanos).row();
  }
}
