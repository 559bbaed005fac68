package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster started the usual way — a first node without seed nodes, the others joining it — has
 * its marketplace with no setting: the singleton on the first node, reachable from every node.
 */
class MarketByDefaultTest {
  @TempDir Path dir;

  @Test
  void aClusterStartedTheUsualWayHasItsMarketplaceOnItsFirstNode() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode first = nodes.start("first", List.of("alice"), Optional.empty());
      GyreNode joiner = nodes.start("joiner", List.of("bob"), Optional.of(first));
      first.awaitPeers(List.of(joiner.peerId().base58())).get(60, TimeUnit.SECONDS);

      assertTrue(first.market().settings().enabled(), "the first node hosts the marketplace");
      assertFalse(joiner.market().settings().enabled(), "a joiner does not");
      HttpResponse<String> offers = awaitAnswer(joiner, "/market/offers");
      assertEquals(200, offers.statusCode(), offers.body());
      assertTrue(MarketPeers.json(offers).path("offers").isArray(), offers.body());
    }
  }

  /** The singleton starts once the cluster is up: ask until it answers (404 or 503 until then). */
  private static HttpResponse<String> awaitAnswer(GyreNode node, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpResponse<String> answer = MarketPeers.http(node, "GET", path, "");
    while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = MarketPeers.http(node, "GET", path, "");
    }
    return answer;
  }
}
