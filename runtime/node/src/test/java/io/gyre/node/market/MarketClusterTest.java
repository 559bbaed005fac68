package io.gyre.node.market;

import static io.gyre.node.market.MarketPeers.await;
import static io.gyre.node.market.MarketPeers.balance;
import static io.gyre.node.market.MarketPeers.call;
import static io.gyre.node.market.MarketPeers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketDump;
import io.gyre.marketplace.deal.Deal;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marketplace with the peers: a singleton on the market node, providers on another node. A deal
 * opened over HTTP is matched, its WASM service deployed on both providers' peers and called from
 * AIR at once; epochs settle from the providers' own capacity proofs and committed batches, audited
 * by re-executing sampled receipts of those calls. A cancelled deal's services leave the providers.
 */
class MarketClusterTest {
  @TempDir Path dir;

  /** The market node (alice) and the providers' node (bob, carol), all three funded. */
  private record Cluster(
      GyreNode market, GyreNode providers, PeerId alice, PeerId bob, PeerId carol) {
    List<PeerId> providerPeers() {
      return List.of(bob, carol);
    }
  }

  private static Cluster start(TestNodes nodes) throws Exception {
    GyreNode market =
        nodes.start("market", List.of("alice"), Optional.empty(), MarketPeers.marketNode());
    GyreNode providers =
        nodes.start("providers", List.of("bob", "carol"), Optional.of(market), MarketPeers.FAST);
    Cluster cluster =
        new Cluster(
            market,
            providers,
            market.peerId(),
            providers.peerIds().get(0),
            providers.peerIds().get(1));
    List<String> all =
        List.of(cluster.alice().base58(), cluster.bob().base58(), cluster.carol().base58());
    market.awaitPeers(all).get(60, TimeUnit.SECONDS);
    providers.awaitPeers(all).get(60, TimeUnit.SECONDS);
    await(market, Duration.ofSeconds(60), "the marketplace to open", MarketDump::opened);
    for (PeerId peer : List.of(cluster.alice(), cluster.bob(), cluster.carol())) {
      HttpResponse<String> funded =
          MarketPeers.http(
              market,
              "POST",
              "/market/fund",
              "{\"peer\": \"" + peer.base58() + "\", \"amount\": 1000}");
      assertEquals(200, funded.statusCode(), funded.body());
    }
    return cluster;
  }

  /**
   * Bob and carol offer one unit each; alice opens deal-0 for two units of the greeting service.
   * Returns once both units serve it, and checks that they answer.
   */
  private static MarketDump openGreetingDeal(Cluster cluster) throws Exception {
    // Providers offer through the builtin, each acting as itself (the particle's init peer).
    GyreNode providers = cluster.providers();
    assertEquals(
        "offer-0",
        response(call(providers, cluster.bob(), cluster.bob(), "market", "offer", "[] 10 100"))
            .asText());
    assertEquals(
        "offer-1",
        response(call(providers, cluster.carol(), cluster.carol(), "market", "offer", "[] 10 100"))
            .asText());

    String wasm = Base64.getEncoder().encodeToString(MarketPeers.greetingWasm());
    HttpResponse<String> opened =
        MarketPeers.http(
            cluster.market(),
            "POST",
            "/market/deals",
            "{\"blueprint\": \"greeting\", \"wasm\": [\""
                + wasm
                + "\"], \"max_price\": 10, \"target\": 2, \"epochs\": 20, \"deposit\": 400}");
    assertEquals(201, opened.statusCode(), opened.body());
    assertEquals("deal-0", MarketPeers.json(opened).get("deal").asText());

    MarketDump matched =
        await(
            cluster.market(),
            Duration.ofSeconds(60),
            "deal-0 active on 2 deployed units",
            d ->
                d.deals().get(0).phase() == Deal.Phase.ACTIVE
                    && d.deals().get(0).assignments().size() == 2
                    && d.pendingDeployments().isEmpty());

    // The deal's service answers on both peers under the deal's alias, owned by the developer.
    for (PeerId peer : cluster.providerPeers()) {
      assertEquals(
          "Hello, Gyre!",
          response(call(cluster.market(), cluster.alice(), peer, "deal-0", "greet", "\"Gyre\""))
              .asText());
      assertEquals(
          cluster.alice().base58(),
          providers.services(peer).resolve("deal-0").orElseThrow().ownerPeerId());
    }
    return matched;
  }

  @Test
  void aMatchedDealRunsOnItsProvidersAndIsPaidFromVerifiedProofs() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      Cluster cluster = start(nodes);
      GyreNode market = cluster.market();
      GyreNode providers = cluster.providers();
      PeerId alice = cluster.alice();
      PeerId bob = cluster.bob();
      PeerId carol = cluster.carol();
      long servesFrom = openGreetingDeal(cluster).deals().get(0).assignments().get(0).fromEpoch();

      // Calls go on while the epochs pass; the first served epoch settles from verified proofs.
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      MarketDump settled = null;
      java.util.Map<String, Long> receiptsCommitted = new java.util.HashMap<>();
      while (System.nanoTime() < deadline) {
        for (PeerId peer : List.of(bob, carol)) {
          response(call(market, alice, peer, "deal-0", "greet", "\"epoch\""));
        }
        settled = market.market().marketplace().view().toCompletableFuture().get().dump();
        settled
            .batches()
            .forEach(b -> receiptsCommitted.merge(b.peer().base58(), b.size(), Math::max));
        if (settled.lastSettledEpoch() >= servesFrom + 1) {
          break;
        }
        Thread.sleep(500);
      }
      assertEquals(
          true,
          settled != null && settled.lastSettledEpoch() >= servesFrom + 1,
          () -> "no two served epochs settled in time");
      long epochs = settled.lastSettledEpoch() - servesFrom + 1;
      assertEquals(10 * epochs, balance(settled, "earnings:" + bob.base58()), settled.toJson());
      assertEquals(10 * epochs, balance(settled, "earnings:" + carol.base58()), settled.toJson());
      assertEquals(0, balance(settled, "slashed:"), settled.toJson());
      // Paid, not slashed, for batches holding receipts of the calls: the audits re-executed them.
      for (PeerId peer : List.of(bob, carol)) {
        assertEquals(
            true,
            receiptsCommitted.getOrDefault(peer.base58(), 0L) > 0,
            () -> "batches seen: " + receiptsCommitted);
      }
      assertEquals(2, settled.deals().get(0).assignments().size());

      // Reads: the builtin's status from AIR, the HTTP API's deal and ledger.
      JsonNode status = response(call(market, alice, alice, "market", "status", "\"deal-0\""));
      assertEquals("ACTIVE", status.get("status").asText());
      JsonNode ledger = MarketPeers.json(MarketPeers.http(market, "GET", "/market/ledger", ""));
      assertEquals(0, ledger.get("total").asLong());
      JsonNode refused = response(call(providers, bob, bob, "market", "cancel", "\"deal-0\""));
      assertEquals(true, refused.asText().contains("NOT_AUTHORIZED"), refused.toString());
    }
  }

  @Test
  void cancellingADealRemovesItsServicesFromItsProviders() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      Cluster cluster = start(nodes);
      openGreetingDeal(cluster);

      cancel(cluster.market(), "deal-0");
      MarketDump ended =
          await(
              cluster.market(),
              Duration.ofSeconds(20),
              "deal-0 ended and its services removed",
              d -> d.deals().get(0).phase() == Deal.Phase.ENDED && d.pendingRemovals().isEmpty());
      assertEquals(0, balance(ended, "escrow:deal-0"), ended.toJson());

      for (PeerId peer : cluster.providerPeers()) {
        assertEquals(
            Optional.empty(),
            cluster.providers().services(peer).resolve("deal-0"),
            "deal-0 is still on " + peer);
        String gone =
            response(call(cluster.market(), cluster.alice(), peer, "deal-0", "greet", "\"Gyre\""))
                .asText();
        assertTrue(gone.contains("deal-0"), "deal-0 still answers on " + peer + ": " + gone);
        assertFalse(gone.contains("Hello"), "deal-0 still answers on " + peer + ": " + gone);
      }
    }
  }

  /**
   * Cancels over HTTP as the deal's owner; a cancel that meets the epoch's settlement is refused
   * with 409 and asked again, as the refusal says to.
   */
  private static void cancel(GyreNode market, String deal) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      HttpResponse<String> answer =
          MarketPeers.http(market, "POST", "/market/deals/" + deal + "/cancel", "");
      if (answer.statusCode() == 200) {
        return;
      }
      boolean settling = answer.statusCode() == 409 && answer.body().contains("being settled");
      assertTrue(settling && System.nanoTime() < deadline, answer.body());
      Thread.sleep(200);
    }
  }
}
