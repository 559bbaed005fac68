package io.gyre.bench.market;

import akka.actor.typed.ActorSystem;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketActor;
import io.gyre.marketplace.MarketGate;
import io.gyre.marketplace.MarketPorts;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deploy.InMemoryDeployer;
import io.gyre.marketplace.epoch.EntropySource;
import io.gyre.marketplace.epoch.ManualEpochClock;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.persistence.DatabaseSettings;
import io.gyre.testkit.JournalTestSystems;
import io.gyre.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Events the marketplace persists per second through akka-persistence-jdbc, on H2 or PostgreSQL:
 * requests from many clients at once (up to {@code inFlight} outstanding) against the one
 * marketplace actor — deposits (1 event), offers (2: the offer and its collateral) and deals (3:
 * the deal, its deposit, its units) in the ratio 2:1:1. Events/s is the journal's sequence number
 * gained over the wall time.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.gyre.bench.market.JournalThroughput h2|postgres
 * [requests] [inFlight]} ({@code postgres} starts a throwaway server from Debian's binaries).
 */
public final class JournalThroughput {
  private JournalThroughput() {}

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    boolean fundsOnly = args.length > 3 && args[3].equals("funds");
    Path dir = Files.createTempDirectory("gyre-journal-bench");
    PostgresServer postgres = null;
    DatabaseSettings database;
    if (kind.equals("postgres")) {
      postgres = PostgresServer.start();
      database = JournalTestSystems.postgres(postgres, "bench");
    } else {
      database = JournalTestSystems.h2(dir);
    }
    try {
      run(kind, database, requests, inFlight, fundsOnly);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static void run(
      String kind, DatabaseSettings database, int requests, int inFlight, boolean fundsOnly)
      throws Exception {
    InMemoryProofs proofs = new InMemoryProofs();
    ActorSystem<MarketActor.Command> system =
        JournalTestSystems.start(
            MarketGate.create(
                "bench",
                MarketSettings.defaults(),
                new MarketPorts(
                    new ManualEpochClock(0),
                    EntropySource.seeded(1),
                    proofs,
                    proofs,
                    new InMemoryDeployer())),
            "bench",
            database);
    Marketplace market = new Marketplace(system, system.scheduler(), Duration.ofSeconds(60));
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      peers.add(KeyPair.fromSeedName("bench-peer-" + i).peerId());
    }
    PeerId developer = peers.get(0);
    PeerId provider = peers.get(1);
    market.fund(developer, 1_000_000_000L).toCompletableFuture().get(60, TimeUnit.SECONDS);
    market.fund(provider, 1_000_000_000L).toCompletableFuture().get(60, TimeUnit.SECONDS);
    DealSpec deal =
        new DealSpec("bp", List.of("m"), 10, 1, 1, 10, List.of(), List.of(), List.of(), 100);

    for (int round = 0; round < 2; round++) {
      long before = market.view().toCompletableFuture().get(60, TimeUnit.SECONDS).sequenceNumber();
      Semaphore window = new Semaphore(inFlight);
      List<CompletableFuture<?>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        window.acquire();
        CompletionStage<?> request =
            switch (fundsOnly ? 2 : i % 4) {
              case 0 ->
                  market.placeOffer(
                      provider, new OfferSpec(List.of(peers.get(2 + i % 60)), 5, List.of(), 1));
              case 1 -> market.openDeal(developer, deal);
              default -> market.fund(peers.get(i % 64), 1);
            };
        all.add(request.toCompletableFuture().whenComplete((r, e) -> window.release()));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;
      long after = market.view().toCompletableFuture().get(60, TimeUnit.SECONDS).sequenceNumber();
      System.out.printf(
          "%s %s: %d requests, %d events in %.2f s: %.0f events/s, %.0f requests/s (%d in flight)%n",
          kind,
          round == 0 ? "warm-up" : "measured",
          requests,
          after - before,
          seconds,
          (after - before) / seconds,
          requests / seconds,
          inFlight);
    }
    JournalTestSystems.stop(system);
  }
}
