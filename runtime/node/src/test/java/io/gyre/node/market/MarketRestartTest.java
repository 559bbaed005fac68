package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.KeyPair;
import io.gyre.node.Scripts;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.persistence.PostgresServer;
import io.gyre.testkit.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing is lost, at the cluster level: the market node and the providers' node, each in its own
 * JVM, run a deal through settled epochs; both are killed with SIGKILL and restarted on their data
 * (each its own H2 file, or one PostgreSQL database they share). The marketplace comes back with
 * the very same dump at the same journal position — offers, deals, balances, epochs, accepted
 * capacity proofs — and the deal's service answers on its provider again.
 */
class MarketRestartTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern READY = Pattern.compile("READY http=(\\d+) cluster=(\\d+)");
  private static final String BOB = KeyPair.fromSeedName("bob").peerId().base58();
  private static final String CAROL = KeyPair.fromSeedName("carol").peerId().base58();
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  private static PostgresServer postgres;
  private static int databases;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  /** A node's JVM and where its HTTP API and cluster port are. */
  private record Peer(ChildJvm jvm, int http, int cluster, Path dataDir) {}

  @ParameterizedTest
  @EnumSource(NodeSettings.Database.Kind.class)
  void aKilledClusterComesBackWithTheSameMarketplace(NodeSettings.Database.Kind kind)
      throws Exception {
    List<String> shared = new ArrayList<>();
    shared.add("gyre.node.market.audit-timeout=5s");
    shared.add("gyre.node.market.max-capacity-proofs=1");
    shared.add("gyre.node.market.puzzle.memory-kib=64");
    shared.add("gyre.node.market.puzzle.difficulty-bits=3");
    if (kind == NodeSettings.Database.Kind.POSTGRES) {
      shared.add("gyre.node.database.kind=postgres");
      shared.add("gyre.node.database.url=" + postgres.createDatabase("market_" + (++databases)));
      shared.add("gyre.node.database.user=gyre");
    }
    List<String> busy = with(shared, "gyre.node.market.epoch-length=3s");
    JsonNode before;
    Peer market = start("market", "alice", "-", with(busy, "gyre.node.market.enabled=on"));
    Peer providers = start("providers", "bob,carol", "127.0.0.1:" + market.cluster(), busy);
    try {
      await(market, "the marketplace to open", d -> d.path("opened").asBoolean());
      for (String peer : List.of(ALICE, BOB)) {
        ok(post(market, "/market/fund", "{\"peer\": \"" + peer + "\", \"amount\": 1000}"));
      }
      // bob's operator offers a unit on each of its node's peers, bob and carol.
      ok(
          post(
              providers,
              "/market/offers",
              "{\"unit_peers\": [\""
                  + BOB
                  + "\", \""
                  + CAROL
                  + "\"], \"price\": 10,"
                  + " \"collateral\": 100}"));
      String wasm = Base64.getEncoder().encodeToString(MarketPeers.greetingWasm());
      ok(
          post(
              market,
              "/market/deals",
              "{\"blueprint\": \"greeting\", \"wasm\": [\""
                  + wasm
                  + "\"], \"max_price\": 10,"
                  + " \"target\": 2, \"epochs\": 50, \"deposit\": 600}"));
      JsonNode serving =
          await(
              market,
              "deal-0 matched and deployed",
              d ->
                  d.path("deals").path(0).path("assignments").size() == 2
                      && d.path("pendingDeployments").isEmpty());
      long from =
          serving.path("deals").path(0).path("assignments").path(0).path("fromEpoch").asLong();
      assertEquals("Hello, crash!", greet(market, BOB));
      assertEquals("Hello, crash!", greet(market, CAROL));
      // A served epoch settled, the next one's capacity proofs in, nothing pending: kill here,
      // early in the epoch, before the batches are committed.
      before =
          awaitDump(
              market,
              "a settled epoch and a quiet moment",
              d ->
                  d.path("lastSettledEpoch").asLong() >= from
                      && d.path("previousEpoch").asLong() == d.path("lastSettledEpoch").asLong()
                      && d.path("capacityProofs").size() == 2
                      && d.path("pendingDeployments").isEmpty()
                      && d.path("pendingRemovals").isEmpty()
                      && System.currentTimeMillis() % 3_000 < 1_500);
      providers.jvm().kill();
      market.jvm().kill();
    } finally {
      providers.jvm().close();
      market.jvm().close();
    }
    assertTrue(before.path("dump").path("accounts").has("earnings:" + BOB), before.toString());

    // Restarted with epochs an hour long, so the clock starts no epoch while they are compared.
    List<String> frozen = with(shared, "gyre.node.market.epoch-length=1h");
    Peer market2 =
        start(
            "market",
            "alice",
            "-",
            with(with(frozen, "gyre.node.market.enabled=on"), "gyre.node.new-cluster=on"));
    Peer providers2 = start("providers", "bob,carol", "127.0.0.1:" + market2.cluster(), frozen);
    try {
      JsonNode after = awaitDump(market2, "the marketplace back", d -> true);
      assertEquals(before.path("sequence").asLong(), after.path("sequence").asLong());
      assertEquals(before.path("dump"), after.path("dump"));
      // The deal's services came back with their peers' registries; the marketplace is unchanged.
      assertEquals("Hello, crash!", greet(market2, BOB));
      assertEquals("Hello, crash!", greet(market2, CAROL));
      Thread.sleep(2_000);
      assertEquals(
          before.path("dump"), awaitDump(market2, "the dump again", d -> true).path("dump"));
    } finally {
      providers2.jvm().close();
      market2.jvm().close();
    }
  }

  private static List<String> with(List<String> settings, String more) {
    List<String> all = new ArrayList<>(settings);
    all.add(more);
    return all;
  }

  private Peer start(String name, String seeds, String join, List<String> settings)
      throws Exception {
    Path dataDir = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of(dataDir.toString(), seeds, join));
    args.addAll(settings);
    // The children's logs stay under target/ for a failure's diagnosis.
    Path logs = Path.of("target", "market-restart");
    java.nio.file.Files.createDirectories(logs);
    ChildJvm jvm =
        ChildJvm.start(
            MarketPeerMain.class, logs.resolve(name + "-" + System.nanoTime() + ".log"), args);
    while (true) {
      String line =
          jvm.readLine().orElseThrow(() -> new AssertionError(name + " exited; see its log"));
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        drain(jvm, logs.resolve(name + "-" + System.nanoTime() + ".out"));
        return new Peer(
            jvm, Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)), dataDir);
      }
    }
  }

  /** Keeps reading the child's output into a file, so a full pipe never stalls it. */
  private static void drain(ChildJvm jvm, Path file) {
    Thread reader =
        new Thread(
            () -> {
              try (var out = java.nio.file.Files.newBufferedWriter(file)) {
                for (var line = jvm.readLine(); line.isPresent(); line = jvm.readLine()) {
                  out.write(line.get());
                  out.newLine();
                }
              } catch (java.io.IOException e) {
                // the child is gone
              }
            },
            "drain-" + file.getFileName());
    reader.setDaemon(true);
    reader.start();
  }

  private String greet(Peer via, String peer) throws Exception {
    String script =
        Scripts.orErrorMessage(Scripts.callAndRespond(peer, "deal-0", "greet", "\"crash\""));
    JsonNode answer =
        ok(post(via, "/run", MAPPER.createObjectNode().put("air", script).toString()));
    return answer.path("response").asText();
  }

  private JsonNode await(Peer peer, String what, Predicate<JsonNode> until) throws Exception {
    return awaitDump(peer, what, until).path("dump");
  }

  /** GET /market/dump until {@code until} holds of its dump (60 s at most). */
  private JsonNode awaitDump(Peer peer, String what, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer = get(peer, "/market/dump");
      if (answer.statusCode() == 200) {
        last = MAPPER.readTree(answer.body());
        if (until.test(last.path("dump"))) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited for " + what + "; last: " + last);
  }

  private HttpResponse<String> get(Peer peer, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + peer.http() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(Peer peer, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + peer.http() + path))
            .timeout(Duration.ofSeconds(40))
            .header(
                "Authorization", "Bearer " + OperatorToken.readFrom(peer.dataDir()).orElseThrow())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(HttpResponse<String> answer) throws Exception {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    return MAPPER.readTree(answer.body());
  }
}
