package io.gyre.marketplace;

import static io.gyre.marketplace.MarketHarness.await;
import static io.gyre.marketplace.MarketHarness.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deal.DealStatus;
import io.gyre.marketplace.deploy.InMemoryDeployer;
import io.gyre.marketplace.epoch.ManualEpochClock;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.persistence.DatabaseSettings;
import io.gyre.testkit.JournalTestSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The actor through its facade, on an H2 journal: epochs, deployments, audits, restarts. */
class MarketActorTest {
  private static final KeyPair DEV = key("dev");
  private static final KeyPair PROVIDER = key("provider");
  private static final KeyPair P1 = key("p1");
  private static final KeyPair P2 = key("p2");

  @TempDir Path dir;
  private final ManualEpochClock clock = new ManualEpochClock(0);
  private final InMemoryProofs proofs = new InMemoryProofs();
  private final InMemoryDeployer deployer = new InMemoryDeployer();

  private MarketHarness start(DatabaseSettings database) {
    return new MarketHarness(database, MarketHarness.settings(500), clock, proofs, deployer);
  }

  private DealId openDeal(MarketHarness m) throws Exception {
    await(m.market.fund(PROVIDER.peerId(), 1_000));
    await(m.market.fund(DEV.peerId(), 1_000));
    await(
        m.market.placeOffer(
            PROVIDER.peerId(),
            new OfferSpec(List.of(P1.peerId(), P2.peerId()), 10, List.of(), 100)));
    return await(
        m.market.openDeal(
            DEV.peerId(),
            new DealSpec("bp", List.of("m"), 10, 2, 1, 5, List.of(), List.of(), List.of(), 500)));
  }

  private static KeyPair keyOf(PeerId peer) {
    return peer.equals(P1.peerId()) ? P1 : P2;
  }

  /** Each unit of the deal proves capacity and commits a batch for the current epoch. */
  private void proveAll(MarketHarness m, DealId id) throws Exception {
    MarketView view = m.view();
    Deal deal =
        view.dump().deals().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    long epoch = view.dump().epoch();
    for (Assignment a : deal.assignments()) {
      await(
          m.market.submitCapacityProof(
              a.peer(),
              InMemoryProofs.solveCapacity(a.unit(), epoch, view.dump().randomness(), 0)));
      await(
          m.market.commitBatch(
              a.peer(),
              proofs.commit(keyOf(a.peer()), id, a.unit(), epoch, List.of("x".getBytes()))));
    }
  }

  @Test
  void aMatchedDealIsDeployedProvedSettledAndPaid() throws Exception {
    try (MarketHarness m = start(JournalTestSystems.h2(dir))) {
      m.awaitView(v -> v.dump().opened());
      DealId id = openDeal(m);
      assertEquals(DealStatus.ACTIVE, await(m.market.deal(id)).status());
      MarketHarness.awaitTrue(() -> deployer.live().size() == 2, "both units deployed");
      m.awaitView(v -> v.dump().pendingDeployments().isEmpty());
      clock.advance();
      m.awaitView(v -> v.dump().epoch() == 1 && v.dump().lastSettledEpoch() == 0);
      proveAll(m, id);
      clock.advance();
      m.awaitView(v -> v.dump().lastSettledEpoch() == 1);
      assertEquals(20, await(m.market.balance(Account.earnings(PROVIDER.peerId().base58()))));
      assertEquals(480, await(m.market.deal(id)).escrow());
      assertEquals(14L, await(m.market.withdrawEarnings(PROVIDER.peerId(), PROVIDER.peerId(), 6)));
    }
  }

  @Test
  void aRestartDuringTheAuditsResumesThemAndSettlesOnce() throws Exception {
    DatabaseSettings database = JournalTestSystems.h2(dir);
    DealId id;
    try (MarketHarness m = start(database)) {
      m.awaitView(v -> v.dump().opened());
      id = openDeal(m);
      clock.advance();
      m.awaitView(v -> v.dump().epoch() == 1 && v.dump().lastSettledEpoch() == 0);
      proveAll(m, id);
      proofs.silent(true);
      clock.advance();
      MarketView stuck = m.awaitView(v -> v.dump().epoch() == 2);
      assertEquals(0, stuck.dump().lastSettledEpoch());
      assertEquals(2, stuck.dump().batches().size());
    }
    proofs.silent(false);
    try (MarketHarness m = start(database)) {
      MarketView settled = m.awaitView(v -> v.dump().lastSettledEpoch() == 1);
      assertEquals(20, await(m.market.balance(Account.earnings(PROVIDER.peerId().base58()))));
      assertEquals(1, settled.dump().deals().get(0).epochsServed());
      assertTrue(settled.dump().audits().isEmpty());
    }
  }

  @Test
  void refusalsArriveAsTypedErrors() throws Exception {
    try (MarketHarness m = start(JournalTestSystems.h2(dir))) {
      DealId id = openDeal(m);
      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> await(m.market.cancelDeal(P1.peerId(), id)));
      MarketException refused = assertInstanceOf(MarketException.class, failure.getCause());
      assertEquals(MarketError.Code.NOT_AUTHORIZED, refused.error().code());
      assertTrue(refused.error().message().contains("only the owner"), refused.getMessage());
      assertEquals(DealStatus.ACTIVE, await(m.market.deal(id)).status());
    }
  }

  @Test
  void aRestartedMarketplaceRecoversTheSameStateFromSnapshotAndEvents() throws Exception {
    DatabaseSettings database = JournalTestSystems.h2(dir);
    String before;
    try (MarketHarness m =
        new MarketHarness(database, MarketHarness.settings(7), clock, proofs, deployer)) {
      DealId id = openDeal(m);
      for (int epoch = 0; epoch < 4; epoch++) {
        clock.advance();
        long now = clock.currentEpoch();
        m.awaitView(
            v ->
                v.dump().epoch() == now
                    && !v.dump().deals().isEmpty()
                    && v.dump().lastSettledEpoch() == now - 1);
        proveAll(m, id);
        await(m.market.deposit(DEV.peerId(), id, 3));
      }
      before = m.view().dump().toJson();
    }
    try (MarketHarness m =
        new MarketHarness(database, MarketHarness.settings(7), clock, proofs, deployer)) {
      assertEquals(before, m.view().dump().toJson());
    }
  }
}
