package io.gyre.bench.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.Multiaddr;
import io.gyre.net.Stream;
import io.gyre.net.StreamReader;
import io.gyre.net.libp2p.JsPeer;
import io.gyre.net.libp2p.Libp2pHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client wire's handshake and round trip, Gyre's libp2p against js-libp2p's own, in one run on
 * loopback TCP (issue 14, item 8):
 *
 * <ul>
 *   <li>connection set-up: dial → TCP connect, multistream {@code /noise}, Noise XX, multistream
 *       {@code /yamux/1.0.0}; each connection closed before the next;
 *   <li>round trip: 32 bytes out and back on one echo stream, one at a time.
 * </ul>
 *
 * Run from the repository root (the js node's program is in runtime/net/src/test/js):
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.gyre.bench.net.WireBenchmark [handshakes] [roundTrips]
 * </pre>
 */
public final class WireBenchmark {
  private static final String ECHO = "/gyre/echo/1.0.0";
  private static final int MESSAGE = 32;

  private WireBenchmark() {}

  public static void main(String[] args) throws Exception {
    int handshakes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    int handshakeWarmup = Math.max(20, handshakes / 5);
    int roundTripWarmup = Math.max(200, roundTrips / 5);
    System.out.printf(
        "wire benchmark: %d handshakes (+%d warm-up), %d round trips of %d bytes (+%d warm-up)%n",
        handshakes, handshakeWarmup, roundTrips, MESSAGE, roundTripWarmup, MESSAGE);
    System.out.println("load average before: " + loadAverage());

    List<Percentiles> results = new ArrayList<>();
    try (Libp2pHost server = Libp2pHost.create(KeyPair.generate());
        Libp2pHost client = Libp2pHost.create(KeyPair.generate())) {
      server.handle(ECHO, WireBenchmark::echo);
      Multiaddr address =
          server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
      results.add(
          Percentiles.of(
              "Gyre ↔ Gyre: connection set-up (TCP + Noise + Yamux)",
              gyreHandshakes(client, address, handshakeWarmup, handshakes)));
      results.add(
          Percentiles.of(
              "Gyre ↔ Gyre: round trip, 32 B",
              gyreRoundTrips(client, address, roundTripWarmup, roundTrips)));
    }
    try (JsPeer dialer = JsPeer.start()) {
      JsonNode listener =
          dialer.call("spawn", Map.of("listen", List.of("/ip4/127.0.0.1/tcp/0")), 60);
      String address = listener.get("addrs").get(0).asText();
      System.out.println("js: dialing " + address);
      JsonNode set =
          dialer.call(
              "handshakes", Map.of("addr", address, "count", handshakeWarmup + handshakes), 600);
      results.add(
          Percentiles.of(
              "js ↔ js: connection set-up (TCP + Noise + Yamux)",
              tail(set.get("nanos"), handshakes)));
      System.out.println("js: round trips");
      JsonNode trips =
          dialer.call(
              "roundTrips",
              Map.of("addr", address, "rounds", roundTripWarmup + roundTrips, "size", MESSAGE),
              600);
      results.add(
          Percentiles.of("js ↔ js: round trip, 32 B", tail(trips.get("nanos"), roundTrips)));
    }

    System.out.println("load average after: " + loadAverage());
    System.out.println();
    System.out.println("| measurement | samples | p50 µs | p99 µs | mean µs |");
    System.out.println("| --- | --- | --- | --- | --- |");
    results.forEach(r -> System.out.println(r.row()));
  }

  private static List<Long> gyreHandshakes(
      Libp2pHost client, Multiaddr address, int warmup, int count) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmup + count; i++) {
      long start = System.nanoTime();
      Connection connection = client.dial(address).get(10, TimeUnit.SECONDS);
      long took = System.nanoTime() - start;
      connection.close().get(10, TimeUnit.SECONDS);
      if (i >= warmup) {
        nanos.add(took);
      }
      progress("Gyre handshakes", i + 1, warmup + count);
    }
    return nanos;
  }

  private static List<Long> gyreRoundTrips(
      Libp2pHost client, Multiaddr address, int warmup, int count) throws Exception {
    Connection connection = client.dial(address).get(10, TimeUnit.SECONDS);
    Stream stream = connection.openStream(ECHO).get(10, TimeUnit.SECONDS);
    AtomicReference<CompletableFuture<Void>> waiting = new AtomicReference<>();
    AtomicInteger received = new AtomicInteger();
    stream.read(
        bytes -> {
          if (received.addAndGet(bytes.length) >= MESSAGE) {
            received.addAndGet(-MESSAGE);
            waiting.get().complete(null);
          }
        });
    byte[] message = new byte[MESSAGE];
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmup + count; i++) {
      CompletableFuture<Void> back = new CompletableFuture<>();
      waiting.set(back);
      long start = System.nanoTime();
      stream.write(message);
      back.get(10, TimeUnit.SECONDS);
      long took = System.nanoTime() - start;
      if (i >= warmup) {
        nanos.add(took);
      }
      progress("Gyre round trips", i + 1, warmup + count);
    }
    connection.close().get(10, TimeUnit.SECONDS);
    return nanos;
  }

  private static void echo(Stream stream) {
    stream.read(
        new StreamReader() {
          @Override
          public void onData(byte[] bytes) {
            stream.write(bytes);
          }

          @Override
          public void onEnd() {
            stream.closeWrite();
          }
        });
  }

  private static List<Long> tail(JsonNode nanos, int count) {
    List<Long> all = new ArrayList<>();
    nanos.forEach(n -> all.add(n.asLong()));
    return all.subList(all.size() - count, all.size());
  }

  private static void progress(String what, int done, int total) {
    if (done % 100 == 0 || done == total) {
      System.out.printf("%s: %d/%d%n", what, done, total);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
