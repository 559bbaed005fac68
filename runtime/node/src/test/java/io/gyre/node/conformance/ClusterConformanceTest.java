package io.gyre.node.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance corpus through a 3-node cluster in this JVM: relay on one node, alice and
 * dave on the second, bob and carol on the third; the init peer on the test's own client node.
 * Results are compared by the simulator's rules (compare.mjs, ported).
 */
class ClusterConformanceTest {
  static final List<List<String>> PEER_NODES =
      List.of(List.of("relay"), List.of("alice", "dave"), List.of("bob", "carol"));
  static final List<String> ALL_PEERS = List.of("init", "relay", "alice", "dave", "bob", "carol");

  @TempDir Path dir;

  @Test
  void everyRunnableCasePassesThroughRealPeers() throws Exception {
    List<ConformanceCase> cases =
        ConformanceCases.load().stream().filter(ConformanceCase::runnable).toList();
    ConformanceServices services = new ConformanceServices(cases);
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode first = nodes.start("n1", PEER_NODES.get(0), Optional.empty());
      GyreNode second = nodes.start("n2", PEER_NODES.get(1), Optional.of(first));
      GyreNode third = nodes.start("n3", PEER_NODES.get(2), Optional.of(first));
      GyreNode client = nodes.start("client", List.of("init"), Optional.of(first));
      List<GyreNode> all = List.of(first, second, third, client);
      List<String> ids =
          ALL_PEERS.stream().map(n -> KeyPair.fromSeedName(n).peerId().base58()).toList();
      for (GyreNode node : all) {
        services.registerOn(node);
        node.awaitPeers(ids).get(60, TimeUnit.SECONDS);
      }
      CorpusRunner runner =
          new CorpusRunner(client, services, all.stream().map(CorpusRunner::local).toList());

      List<String> failures = runner.failures(cases);
      assertEquals(36, cases.size(), "the corpus has 36 runnable cases");
      assertEquals(List.of(), failures, String.join("\n", failures));
    }
  }
}
