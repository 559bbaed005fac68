package io.gyre.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A node that founded a cluster and is restarted without seed nodes rejoins it through the members
 * it remembers, unless told to found a new one; either way /health says how it stands.
 */
class RejoinTest {
  @TempDir Path dir;

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** The "alone in its cluster" warnings MemberWatch logs (every node of this JVM). */
  private static List<String> aloneWarnings(ListAppender<ILoggingEvent> log) {
    synchronized (log.list) {
      return log.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains("alone in its cluster"))
          .toList();
    }
  }

  @Test
  void aRestartedFounderRejoinsItsClusterAndOnlyFoundsANewOneWhenTold() throws Exception {
    Logger watchLog = (Logger) LoggerFactory.getLogger(MemberWatch.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    watchLog.addAppender(log);
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode founder = nodes.start("founder", List.of("alice"), Optional.empty());
      GyreNode member = nodes.start("member", List.of("bob"), Optional.of(founder));
      await(() -> founder.memberCount() == 2 && member.memberCount() == 2, "two members");
      int port = founder.clusterPort();
      await(
          () -> !new RememberedMembers(founder.settings().dataDir()).others("x").isEmpty(),
          "the founder remembers its cluster");
      founder.stop().toCompletableFuture().join();
      await(() -> member.memberCount() == 1, "the founder left");
      // It left on purpose: the member is alone, but nothing was split.
      assertEquals(List.of(), aloneWarnings(log), "a graceful leave is not a split");

      // Restarted as the README starts a first node: no seed nodes.
      GyreNode back =
          nodes.start(
              "founder",
              List.of("alice"),
              Optional.empty(),
              Map.of("gyre.node.cluster-port", String.valueOf(port)));
      await(() -> back.memberCount() == 2 && member.memberCount() == 2, "the founder rejoined");
      assertTrue(back.clusterHealth().inMajority());
      assertEquals(List.of(), back.clusterHealth().missing());
      back.stop().toCompletableFuture().join();
      await(() -> member.memberCount() == 1, "the founder left again");

      GyreNode apart =
          nodes.start(
              "founder",
              List.of("alice"),
              Optional.empty(),
              Map.of(
                  "gyre.node.cluster-port", String.valueOf(port), "gyre.node.new-cluster", "on"));
      await(() -> apart.memberCount() == 1, "a cluster of its own");
      assertEquals(1, member.memberCount(), "the other cluster is untouched");
      assertEquals(
          List.of("127.0.0.1:" + member.clusterPort()),
          apart.clusterHealth().missing(),
          "/health names the member it remembers and is not with");
      await(
          () ->
              aloneWarnings(log).stream()
                  .anyMatch(m -> m.contains("127.0.0.1:" + member.clusterPort())),
          "the founder of a new cluster warns that it remembers the other");
    } finally {
      watchLog.detachAppender(log);
    }
  }
}
