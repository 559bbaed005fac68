package io.gyre.marketplace;

import static io.gyre.marketplace.MarketHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.deploy.InMemoryDeployer;
import io.gyre.marketplace.epoch.ManualEpochClock;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.testkit.JournalTestSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests arriving together are written in batches yet decided and answered one by one. */
class MarketGateTest {
  @TempDir Path dir;

  @Test
  void concurrentRequestsAreDecidedInOrderAndEachAnswered() throws Exception {
    try (MarketHarness m =
        new MarketHarness(
            JournalTestSystems.h2(dir),
            MarketHarness.settings(50),
            new ManualEpochClock(0),
            new InMemoryProofs(),
            new InMemoryDeployer())) {
      PeerId peer = MarketHarness.key("alice").peerId();
      // Once open: the tick that opens the market must not write among the requests counted.
      long start = m.awaitView(v -> v.dump().opened()).sequenceNumber();
      List<CompletableFuture<Long>> funds = new ArrayList<>();
      List<CompletableFuture<Long>> withdrawals = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        funds.add(m.market.fund(peer, 1).toCompletableFuture());
        withdrawals.add(m.market.withdrawFromWallet(peer, peer, 2).toCompletableFuture());
      }
      int funded = 0;
      int withdrawn = 0;
      int refused = 0;
      for (int i = 0; i < 300; i++) {
        funded += await(funds.get(i)) > 0 ? 1 : 0;
        try {
          withdrawals.get(i).join();
          withdrawn++;
        } catch (CompletionException e) {
          MarketException error = assertInstanceOf(MarketException.class, e.getCause());
          assertEquals(MarketError.Code.INSUFFICIENT_FUNDS, error.error().code());
          refused++;
        }
      }
      assertEquals(300, funded);
      assertEquals(300, withdrawn + refused);
      assertTrue(withdrawn > 0 && refused > 0, withdrawn + " withdrawn, " + refused + " refused");
      assertEquals(300 - 2L * withdrawn, await(m.market.balance(Account.wallet(peer.base58()))));
      assertEquals(start + 300 + withdrawn, m.view().sequenceNumber());
    }
  }
}
