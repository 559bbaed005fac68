package io.gyre.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.stream.javadsl.Sink;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deploy.InMemoryDeployer;
import io.gyre.marketplace.epoch.ManualEpochClock;
import io.gyre.marketplace.internal.DumpJson;
import io.gyre.marketplace.internal.MarketState;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.persistence.DatabaseSettings;
import io.gyre.testkit.ChildJvm;
import io.gyre.testkit.JournalTestSystems;
import io.gyre.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing is lost: a marketplace in its own JVM, busy with offers, deals, proofs and epochs, is
 * killed with SIGKILL; the marketplace restarted on the same database has exactly the state its
 * journal holds — the dump it printed for that journal position, and the dump of every event folded
 * from scratch — and every acknowledged offer and deal. On H2 and on PostgreSQL.
 */
class CrashRecoveryTest {
  private static PostgresServer postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private DatabaseSettings database(DatabaseSettings.Kind kind) throws Exception {
    return kind == DatabaseSettings.Kind.H2
        ? JournalTestSystems.h2(dir)
        : JournalTestSystems.postgres(postgres, "crash_" + System.nanoTime());
  }

  @ParameterizedTest
  @EnumSource(DatabaseSettings.Kind.class)
  void aKilledMarketplaceComesBackIdentical(DatabaseSettings.Kind kind) throws Exception {
    DatabaseSettings database = database(kind);
    Map<Long, String> printed = new TreeMap<>();
    long lastSettled = -1;
    try (ChildJvm child =
        ChildJvm.start(
            CrashDriver.class,
            dir.resolve("child.log"),
            List.of(kind.name(), database.url(), database.user()))) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (printed.size() < 150 || lastSettled < 4) {
        String line =
            child
                .readLine()
                .orElseThrow(() -> new AssertionError("the driver exited; see child.log"));
        assertTrue(System.nanoTime() < deadline, "the driver is too slow: " + printed.size());
        if (line.startsWith("VIEW ")) {
          String[] parts = line.split(" ");
          String json = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
          printed.put(Long.parseLong(parts[1]), json);
          lastSettled = DumpJson.read(json).lastSettledEpoch();
        }
      }
      child.kill();
    }
    long lastPrinted = ((TreeMap<Long, String>) printed).lastKey();
    MarketDump acknowledged = DumpJson.read(printed.get(lastPrinted));

    InMemoryProofs silent = new InMemoryProofs();
    silent.silent(true);
    InMemoryDeployer held = new InMemoryDeployer();
    held.hold();
    try (MarketHarness restarted =
        new MarketHarness(
            database, MarketHarness.settings(20), new ManualEpochClock(0), silent, held)) {
      MarketView view = restarted.view();
      String json = view.dump().toJson();
      assertTrue(view.sequenceNumber() >= lastPrinted, "acknowledged events were lost");
      if (printed.containsKey(view.sequenceNumber())) {
        assertEquals(printed.get(view.sequenceNumber()), json);
      }
      assertEquals(replay(restarted, view.sequenceNumber()).dump().toJson(), json);
      for (Offer offer : acknowledged.offers()) {
        assertTrue(view.dump().offers().contains(offer), offer.id() + " lost or changed");
      }
      for (Deal deal : acknowledged.deals()) {
        assertTrue(
            view.dump().deals().stream()
                .anyMatch(d -> d.id().equals(deal.id()) && d.owner().equals(deal.owner())),
            deal.id() + " lost");
      }
      long sum = view.dump().accounts().values().stream().mapToLong(Long::longValue).sum();
      assertEquals(0, sum);
      assertTrue(view.dump().lastSettledEpoch() >= 4);
    }
  }

  /** The state of every journal event up to {@code sequenceNumber}, folded from nothing. */
  private static MarketState replay(MarketHarness harness, long sequenceNumber) throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(harness.system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    List<EventEnvelope> events =
        journal
            .currentEventsByPersistenceId(
                "gyre-market|" + MarketHarness.MARKET_ID, 0, sequenceNumber)
            .runWith(Sink.seq(), harness.system)
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    MarketState state = MarketState.EMPTY;
    for (EventEnvelope envelope : events) {
      state = state.apply((MarketEvent) envelope.event());
    }
    assertEquals(sequenceNumber, events.size());
    return state;
  }
}
