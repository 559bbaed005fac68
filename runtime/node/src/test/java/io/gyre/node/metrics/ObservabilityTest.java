package io.gyre.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.JavaService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A particle's path and calls in the log by its id; its counts and latencies in the metrics. */
class ObservabilityTest {
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  @TempDir Path dir;

  private static List<String> lines(ListAppender<ILoggingEvent> appender, String particleId) {
    synchronized (appender) { // AppenderBase appends under this lock
      return appender.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains("particle=" + particleId))
          .toList();
    }
  }

  @Test
  void oneLogLinePerHopAndPerCallAndTheCountsInPrometheus() throws Exception {
    Logger trace = (Logger) LoggerFactory.getLogger("gyre.trace");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    trace.addAppender(lines);
    trace.setLevel(ch.qos.logback.classic.Level.INFO);
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode node =
          nodes.start(
              "n1",
              List.of("relay", "alice"),
              Optional.empty(),
              Map.of("gyre.node.trace.log", "on"));
      node.awaitPeers(List.of(ALICE)).get(60, TimeUnit.SECONDS);
      node.registerService(
          KeyPair.fromSeedName("alice").peerId(),
          "greeter",
          JavaService.of(call -> CallResult.ok(new TextNode("hi"))));
      String air = Scripts.callAndRespond(ALICE, "greeter", "greet", "");

      RunResult result =
          node.run(
                  new RunRequest(
                      air, Map.of(), Duration.ofSeconds(30), Optional.empty(), Optional.empty()))
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);

      assertEquals(RunResult.Status.RESPONDED, result.status());
      // The response reaches the caller as the call is answered; its log line follows at once.
      long deadline = System.currentTimeMillis() + 10_000;
      List<String> mine = lines(lines, result.particleId());
      while (mine.stream().noneMatch(m -> m.contains("call callbackSrv.response"))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
        mine = lines(lines, result.particleId());
      }
      String relay = node.peerId().base58();
      assertTrue(
          mine.contains("particle=" + result.particleId() + " peer=" + relay + " started "),
          mine.toString());
      assertTrue(
          mine.contains("particle=" + result.particleId() + " peer=" + relay + " sent " + ALICE),
          mine.toString());
      assertTrue(
          mine.contains(
              "particle=" + result.particleId() + " peer=" + ALICE + " received " + relay),
          mine.toString());
      assertTrue(
          mine.stream()
              .anyMatch(
                  m ->
                      m.startsWith(
                          "particle="
                              + result.particleId()
                              + " peer="
                              + ALICE
                              + " call greeter.greet ret_code=0 ")),
          mine.toString());
      assertTrue(
          mine.stream().anyMatch(m -> m.contains("call callbackSrv.response ret_code=0")),
          mine.toString());

      String metrics = node.metrics().scrape();
      assertTrue(
          metrics.contains("gyre_service_calls_total{result=\"ok\",service=\"greeter\"} 1.0"),
          metrics);
      assertTrue(node.metrics().particlesReceived.getLongValue() >= 2);
      assertTrue(node.metrics().particlesExecuted.getLongValue() >= 3);
      assertTrue(node.metrics().interpreterRunSeconds.count() >= 3);
      assertEquals(
          2, node.metrics().serviceCallSeconds.count(), "greeter.greet and the callbackSrv answer");
    } finally {
      trace.detachAppender(lines);
    }
  }
}
