package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.marketplace.MarketDump;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the marketplace's doors — the HTTP API and the builtin: each a clear one-line error
 * with its status, and the marketplace unchanged.
 */
class MarketHttpTest {
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    // Hour-long epochs: between two dumps of a test, only its requests could change anything.
    java.util.Map<String, String> settings = new java.util.HashMap<>(MarketPeers.marketNode());
    settings.put("gyre.node.market.epoch-length", "1h");
    node = nodes.start("market", List.of("alice"), Optional.empty(), settings);
    MarketPeers.await(node, Duration.ofSeconds(60), "the marketplace to open", MarketDump::opened);
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static String dump() throws Exception {
    return MarketPeers.json(MarketPeers.http(node, "GET", "/market/dump", ""))
        .get("dump")
        .toString();
  }

  private static void refused(String path, String body, int status, String says) throws Exception {
    String before = dump();
    HttpResponse<String> answer = MarketPeers.http(node, "POST", path, body);
    assertEquals(status, answer.statusCode(), answer.body());
    String error = MarketPeers.json(answer).get("error").asText();
    assertTrue(error.contains(says), error);
    assertEquals(1, error.lines().count(), error);
    assertEquals(before, dump(), "a refused request changed the marketplace");
  }

  /** Every acting endpoint of HttpApi's market route, with a request the operator could make. */
  static Stream<Arguments> actingEndpoints() {
    String modules = "[\"" + "ab".repeat(32) + "\"]";
    return Stream.of(
        Arguments.of("/market/offers", "{\"price\": 10, \"collateral\": 100}"),
        Arguments.of("/market/offers/offer-0/withdraw", ""),
        Arguments.of(
            "/market/deals",
            "{\"blueprint\": \"x\", \"modules\": "
                + modules
                + ", \"max_price\": 10, \"target\": 1, \"epochs\": 2, \"deposit\": 20}"),
        Arguments.of("/market/deals/deal-0/deposit", "{\"amount\": 5}"),
        Arguments.of("/market/deals/deal-0/cancel", ""),
        Arguments.of("/market/fund", "{\"peer\": \"" + node.peerId() + "\", \"amount\": 5}"),
        Arguments.of("/market/withdraw", "{\"from\": \"wallet\", \"amount\": 1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actingEndpoints")
  void actingNeedsTheOperatorsToken(String path, String body) throws Exception {
    unauthorized(path, body, Optional.empty(), "this endpoint needs the peer's token");
    unauthorized(path, body, Optional.of("Bearer not-the-token"), "the token is not this peer's");
    unauthorized(path, body, Optional.of("Bearer "), "the token is not this peer's");
  }

  private static void unauthorized(
      String path, String body, Optional<String> authorization, String says) throws Exception {
    String before = dump();
    HttpResponse<String> answer = MarketPeers.post(node, path, body, authorization);
    assertEquals(401, answer.statusCode(), answer.body());
    assertEquals(
        Optional.of("application/json"), answer.headers().firstValue("Content-Type"), path);
    String error = MarketPeers.json(answer).get("error").asText();
    assertTrue(error.contains(says), error);
    assertEquals(before, dump(), "a request without the token changed the marketplace");
  }

  @Test
  void badAmountsAreRefused() throws Exception {
    String peer = node.peerId().base58();
    refused(
        "/market/fund",
        "{\"peer\": \"" + peer + "\", \"amount\": 1.5}",
        400,
        "'amount' must be a whole number");
    refused("/market/fund", "{\"peer\": \"" + peer + "\", \"amount\": -5}", 400, "amount");
    refused(
        "/market/fund",
        "{\"peer\": \"" + peer + "\", \"amount\": 99999999999999999999}",
        400,
        "'amount'");
    refused(
        "/market/fund", "{\"peer\": \"nobody\", \"amount\": 5}", 400, "'nobody' is not a peer id");
    refused("/market/fund", "[1, 2]", 400, "must be a JSON object");
    refused("/market/fund", "{not json", 400, "not JSON");
  }

  @Test
  void unknownDealsAndOffersAndEmptyDealsAreRefused() throws Exception {
    refused("/market/deals/deal-42/deposit", "{\"amount\": 5}", 404, "deal-42");
    refused("/market/deals/deal-42/cancel", "", 404, "deal-42");
    refused("/market/deals/nonsense/cancel", "", 400, "'nonsense' is not a deal id");
    refused("/market/offers/offer-9/withdraw", "", 404, "offer-9");
    refused(
        "/market/deals",
        "{\"blueprint\": \"x\", \"modules\": [], \"max_price\": 1, \"target\": 1, \"epochs\": 1, \"deposit\": 2}",
        400,
        "'modules' must name at least one module hash");
    refused(
        "/market/deals",
        "{\"blueprint\": \"x\", \"wasm\": [\"%%%\"], \"max_price\": 1}",
        400,
        "base64");
    refused("/market/offers", "{\"price\": 10}", 400, "'collateral' is missing");
    HttpResponse<String> missing = MarketPeers.http(node, "GET", "/market/deals/deal-42", "");
    assertEquals(404, missing.statusCode(), missing.body());
  }

  @Test
  void aPeerWithdrawsFromItsOwnAccountsAndNeverMoreThanTheirBalance() throws Exception {
    // a peer of its own, so the other tests' funds do not move its balances
    String peer = node.peerId().base58();
    JsonNode funded =
        MarketPeers.json(
            MarketPeers.http(
                node, "POST", "/market/fund", "{\"peer\": \"" + peer + "\", \"amount\": 40}"));
    long wallet = funded.get("wallet").asLong();
    HttpResponse<String> out =
        MarketPeers.http(
            node, "POST", "/market/withdraw", "{\"from\": \"wallet\", \"amount\": 15}");
    assertEquals(200, out.statusCode(), out.body());
    assertEquals(wallet - 15, MarketPeers.json(out).get("balance").asLong());
    refused(
        "/market/withdraw",
        "{\"from\": \"wallet\", \"amount\": " + wallet + "}",
        409,
        "less than the");
    refused("/market/withdraw", "{\"from\": \"earnings\", \"amount\": 1}", 409, "less than the");
    refused(
        "/market/withdraw",
        "{\"from\": \"escrow\", \"amount\": 1}",
        400,
        "'from' must be \"wallet\" or \"earnings\"");
    refused("/market/withdraw", "{\"from\": \"wallet\", \"amount\": 0}", 400, "amount");
    refused("/market/withdraw", "{\"from\": \"wallet\"}", 400, "'amount' is missing");
    // from Aqua the caller acts for itself only: its own earnings, which hold nothing here
    JsonNode builtin =
        MarketPeers.response(
            MarketPeers.call(
                node, node.peerId(), node.peerId(), "market", "withdraw", "\"earnings\" 1"));
    assertTrue(
        builtin.asText().contains("market.withdraw: INSUFFICIENT_FUNDS"), builtin.toString());
  }

  @Test
  void theBuiltinSaysWhatWasWrongInOneLine() throws Exception {
    JsonNode answer =
        MarketPeers.response(
            MarketPeers.call(
                node, node.peerId(), node.peerId(), "market", "deposit", "\"deal-7\" 10"));
    assertTrue(
        answer.asText().contains("market.deposit: UNKNOWN_DEAL: no deal deal-7"),
        answer.toString());
    JsonNode wrongType =
        MarketPeers.response(
            MarketPeers.call(
                node, node.peerId(), node.peerId(), "market", "offer", "[] \"ten\" 5"));
    assertTrue(
        wrongType.asText().contains("market.offer: 'price' must be a whole number"),
        wrongType.toString());
  }

  @Test
  void withoutAMarketNodeRequestsFailAtOnce() throws Exception {
    try (TestNodes alone = new TestNodes(dir.resolve("alone"))) {
      GyreNode plain =
          alone.start(
              "plain",
              List.of("dave"),
              Optional.empty(),
              java.util.Map.of("gyre.node.market.enabled", "off"));
      plain
          .awaitPeers(List.of(plain.peerId().base58()))
          .get(60, java.util.concurrent.TimeUnit.SECONDS);
      long started = System.nanoTime();
      HttpResponse<String> answer = MarketPeers.http(plain, "GET", "/market/offers", "");
      // 404 as for a peer with no marketplace at all: the playground shows "no marketplace".
      assertEquals(404, answer.statusCode(), answer.body());
      String error = MarketPeers.json(answer).get("error").asText();
      assertTrue(error.startsWith("no marketplace on this peer"), error);
      assertTrue(error.contains("gyre.node.market.enabled"), error);
      assertTrue(System.nanoTime() - started < 5_000_000_000L, "it waited for a timeout");
    }
  }
}
