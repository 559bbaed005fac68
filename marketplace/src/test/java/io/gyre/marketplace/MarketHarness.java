package io.gyre.marketplace;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import io.gyre.identity.KeyPair;
import io.gyre.marketplace.deploy.Deployer;
import io.gyre.marketplace.epoch.EntropySource;
import io.gyre.marketplace.epoch.EpochClock;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.persistence.DatabaseSettings;
import io.gyre.testkit.JournalTestSystems;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A marketplace actor on a journal database, with its facade, for tests and the crash driver. */
final class MarketHarness implements AutoCloseable {
  static final String MARKET_ID = "test";

  final ActorSystem<Void> system;
  final ActorRef<MarketActor.Command> actor;
  final Marketplace market;

  MarketHarness(
      DatabaseSettings database,
      MarketSettings settings,
      EpochClock clock,
      InMemoryProofs proofs,
      Deployer deployer) {
    system = JournalTestSystems.start(Behaviors.empty(), "market", database);
    actor =
        ActorTestKit.create(system)
            .spawn(
                MarketGate.create(
                    MARKET_ID,
                    settings,
                    new MarketPorts(clock, EntropySource.seeded(7), proofs, proofs, deployer)),
                "market");
    market = new Marketplace(actor, system.scheduler(), Duration.ofSeconds(30));
  }

  static MarketSettings settings(int snapshotEvery) {
    MarketSettings d = MarketSettings.defaults();
    return new MarketSettings(
        d.minCapacityProofs(),
        d.maxCapacityProofs(),
        d.samplesPerBatch(),
        d.slashBasisPoints(),
        d.maxUnitsPerProvider(),
        d.maxUnitsPerOffer(),
        d.maxTargetUnits(),
        d.maxDurationEpochs(),
        Duration.ofMillis(50),
        Duration.ofSeconds(5),
        snapshotEvery);
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static KeyPair key(String name) {
    return KeyPair.fromSeedName(name);
  }

  MarketView view() throws Exception {
    return await(market.view());
  }

  /** Waits (up to a minute) until the marketplace's state satisfies {@code condition}. */
  MarketView awaitView(java.util.function.Predicate<MarketView> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    MarketView view = view();
    while (!condition.test(view)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the marketplace never got there; last state:\n" + view.dump().toJson());
      }
      Thread.sleep(20);
      view = view();
    }
    return view;
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never: " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws java.util.concurrent.TimeoutException {
    try {
      JournalTestSystems.stop(system);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
