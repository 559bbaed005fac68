package io.gyre.marketplace;

import static io.gyre.marketplace.MarketHarness.await;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deploy.InMemoryDeployer;
import io.gyre.marketplace.epoch.WallClockEpochs;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.persistence.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;

/**
 * Runs a busy marketplace until it is killed: 400 ms epochs, providers proving, developers opening,
 * funding and cancelling deals. After every acknowledged request it prints {@code VIEW <sequence
 * number> <base64 of the dump>}. {@link CrashRecoveryTest} kills it with SIGKILL.
 */
public final class CrashDriver {
  private static final List<KeyPair> DEVS = List.of(key("dev-1"), key("dev-2"));
  private static final List<KeyPair> PROVIDERS = List.of(key("prov-1"), key("prov-2"));
  private static final List<KeyPair> PEERS =
      List.of(key("peer-1"), key("peer-2"), key("peer-3"), key("peer-4"), key("peer-5"));

  private CrashDriver() {}

  private static KeyPair key(String name) {
    return KeyPair.fromSeedName(name);
  }

  public static void main(String[] args) throws Exception {
    DatabaseSettings database =
        new DatabaseSettings(DatabaseSettings.Kind.valueOf(args[0]), args[1], args[2], "", 4);
    InMemoryProofs proofs = new InMemoryProofs();
    MarketHarness m =
        new MarketHarness(
            database,
            MarketHarness.settings(20),
            new WallClockEpochs(Instant.now(), Duration.ofMillis(400), Clock.systemUTC()),
            proofs,
            new InMemoryDeployer());
    Random random = new Random(42);
    for (KeyPair who : List.of(DEVS.get(0), DEVS.get(1), PROVIDERS.get(0), PROVIDERS.get(1))) {
      await(m.market.fund(who.peerId(), 1_000_000));
    }
    while (true) {
      try {
        step(m, proofs, random);
      } catch (ExecutionException refused) {
        if (!(refused.getCause() instanceof MarketException)) {
          throw refused;
        }
      }
      MarketView view = m.view();
      System.out.println(
          "VIEW "
              + view.sequenceNumber()
              + " "
              + Base64.getEncoder()
                  .encodeToString(view.dump().toJson().getBytes(StandardCharsets.UTF_8)));
      System.out.flush();
    }
  }

  private static void step(MarketHarness m, InMemoryProofs proofs, Random random) throws Exception {
    KeyPair dev = DEVS.get(random.nextInt(DEVS.size()));
    KeyPair provider = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
    switch (random.nextInt(8)) {
      case 0 -> {
        int first = random.nextInt(PEERS.size());
        List<PeerId> units =
            List.of(PEERS.get(first).peerId(), PEERS.get((first + 1) % PEERS.size()).peerId());
        await(
            m.market.placeOffer(
                provider.peerId(), new OfferSpec(units, 1 + random.nextInt(9), List.of(), 50)));
      }
      case 1 ->
          await(
              m.market.openDeal(
                  dev.peerId(),
                  new DealSpec(
                      "bp",
                      List.of("m"),
                      10,
                      2,
                      1,
                      3 + random.nextInt(5),
                      List.of(),
                      List.of(),
                      List.of(),
                      40 + random.nextInt(200))));
      case 2 -> {
        MarketView view = m.view();
        if (!view.dump().deals().isEmpty()) {
          Deal deal = view.dump().deals().get(random.nextInt(view.dump().deals().size()));
          if (random.nextInt(4) == 0) {
            await(m.market.cancelDeal(deal.owner(), deal.id()));
          } else {
            await(m.market.deposit(deal.owner(), deal.id(), 1 + random.nextInt(50)));
          }
        }
      }
      case 3 -> await(m.market.withdrawEarnings(provider.peerId(), provider.peerId(), 1));
      default -> prove(m, proofs);
    }
  }

  /** Every unit serving now proves capacity and commits a batch, unless it already did. */
  private static void prove(MarketHarness m, InMemoryProofs proofs) throws Exception {
    MarketDump dump = m.view().dump();
    for (Deal deal : dump.deals()) {
      for (Assignment a : deal.assignments()) {
        if (!a.servedIn(dump.epoch())) {
          continue;
        }
        boolean proved =
            dump.capacityProofs().stream()
                .anyMatch(c -> c.unit().equals(a.unit()) && c.epoch() == dump.epoch());
        if (!proved) {
          await(
              m.market.submitCapacityProof(
                  a.peer(),
                  InMemoryProofs.solveCapacity(a.unit(), dump.epoch(), dump.randomness(), 0)));
        }
        KeyPair peer =
            PEERS.stream().filter(k -> k.peerId().equals(a.peer())).findFirst().orElseThrow();
        boolean committed =
            dump.batches().stream()
                .anyMatch(
                    b ->
                        b.deal().equals(deal.id())
                            && b.unit().equals(a.unit())
                            && b.epoch() == dump.epoch());
        if (!committed) {
          await(
              m.market.commitBatch(
                  a.peer(),
                  proofs.commit(peer, deal.id(), a.unit(), dump.epoch(), List.of(new byte[] {7}))));
        }
      }
    }
  }
}
