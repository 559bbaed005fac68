package io.gyre.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealStatus;
import io.gyre.marketplace.deal.EndReason;
import io.gyre.marketplace.epoch.EpochRandomness;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.UnitId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Epochs settle deals from the evidence: pay, slash, rematch, expire, run dry, cancel. */
class SettlementTest {
  private final RulesDriver d = new RulesDriver();
  private final PeerId alice = d.peer("alice");
  private final PeerId p1 = d.peer("p1");
  private final PeerId p2 = d.peer("p2");
  private final PeerId p3 = d.peer("p3");
  private final PeerId prov = d.peer("provider");
  private final PeerId prov2 = d.peer("provider-2");

  private DealId twoUnitDeal(int epochs, long deposit) {
    d.ok(d.market.fund(d.state, prov, 10_000));
    d.ok(d.market.fund(d.state, prov2, 10_000));
    d.ok(d.market.placeOffer(d.state, prov, RulesDriver.offer(List.of(p1, p2), 10, 1_000)));
    d.ok(d.market.fund(d.state, alice, 100_000));
    return d.ok(d.market.openDeal(d.state, alice, RulesDriver.deal(12, 2, 1, epochs, deposit)));
  }

  private Deal deal(DealId id) {
    return d.state.deal(id).orElseThrow();
  }

  @Test
  void providersWithValidProofsArePaidTheirPriceEachEpoch() {
    DealId id = twoUnitDeal(10, 1_000);
    assertEquals(DealStatus.ACTIVE, d.state.view(id).orElseThrow().status());
    d.nextEpoch(); // the units start serving in epoch 1
    d.everyoneProves();
    d.nextEpoch();
    assertEquals(20, d.balance(Account.earnings(prov.base58())));
    assertEquals(980, d.balance(Account.escrow(id.value())));
    assertEquals(1, deal(id).epochsServed());
    assertEquals(2, deal(id).assignments().size());
  }

  @Test
  void aMissingBatchSlashesCollateralAndTheUnitIsRematchedToAnotherOffer() {
    DealId id = twoUnitDeal(10, 1_000);
    d.ok(d.market.placeOffer(d.state, prov2, RulesDriver.offer(List.of(p3), 11, 500)));
    d.nextEpoch();
    Assignment failing = deal(id).assignments().get(1);
    d.prove(id, deal(id).assignments().get(0));
    d.ok(
        d.proofRules.submitCapacityProof(
            d.state,
            failing.peer(),
            io.gyre.marketplace.proof.InMemoryProofs.solveCapacity(
                failing.unit(), d.state.epoch(), d.state.randomness(), 0)));
    d.nextEpoch();
    assertEquals(10, d.balance(Account.earnings(prov.base58())));
    // 10 % of the unit's collateral of 1,000
    assertEquals(100, d.balance(Account.SLASHED));
    assertEquals(1_900, d.balance(Account.collateral("offer-0")));
    List<UnitId> units = deal(id).assignments().stream().map(Assignment::unit).toList();
    assertEquals(List.of(UnitId.of(OfferId.of(0), 0), UnitId.of(OfferId.of(1), 0)), units);
    assertTrue(deal(id).excluded().contains(failing.unit()));
    assertTrue(d.state.pendingRemovals().containsKey(MarketState.key(id, failing.unit())));
    assertTrue(
        d.state.pendingDeployments().containsKey(MarketState.key(id, UnitId.of(OfferId.of(1), 0))));
  }

  @Test
  void tamperedReceiptsFailTheAudit() {
    DealId id = twoUnitDeal(10, 1_000);
    d.nextEpoch();
    d.everyoneProves();
    d.proofs.tamper(id, deal(id).assignments().get(0).unit(), d.state.epoch());
    d.nextEpoch();
    assertEquals(10, d.balance(Account.earnings(prov.base58())));
    assertEquals(100, d.balance(Account.SLASHED));
    assertEquals(1, deal(id).assignments().size());
  }

  @Test
  void withheldReceiptsCountAsMissing() {
    DealId id = twoUnitDeal(10, 1_000);
    d.nextEpoch();
    d.everyoneProves();
    for (Assignment a : deal(id).assignments()) {
      d.proofs.withhold(id, a.unit(), d.state.epoch());
    }
    d.nextEpoch();
    assertEquals(0, d.balance(Account.earnings(prov.base58())));
    assertEquals(200, d.balance(Account.SLASHED));
    // below its minimum and nothing else to match: pending again, funds still there
    assertEquals(DealStatus.NOT_ENOUGH_WORKERS, d.state.view(id).orElseThrow().status());
    assertEquals(1_000, d.balance(Account.escrow(id.value())));
  }

  @Test
  void tooFewCapacityProofsFailTheEpoch() {
    DealId id = twoUnitDeal(10, 1_000);
    d.nextEpoch();
    for (Assignment a : deal(id).assignments()) {
      d.ok(
          d.proofRules.commitBatch(
              d.state,
              a.peer(),
              d.proofs.commit(d.keyOf(a.peer()), id, a.unit(), d.state.epoch(), List.of())));
    }
    d.nextEpoch();
    assertEquals(0, d.balance(Account.earnings(prov.base58())));
    assertEquals(200, d.balance(Account.SLASHED));
  }

  @Test
  void aDealExpiresAfterItsDurationAndIsRefunded() {
    DealId id = twoUnitDeal(2, 1_000);
    d.nextEpoch();
    d.everyoneProves();
    d.nextEpoch();
    d.everyoneProves();
    d.nextEpoch();
    assertEquals(DealStatus.ENDED, d.state.view(id).orElseThrow().status());
    assertEquals(EndReason.EXPIRED, deal(id).endReason().orElseThrow());
    assertEquals(40, d.balance(Account.earnings(prov.base58())));
    assertEquals(0, d.balance(Account.escrow(id.value())));
    assertEquals(100_000 - 40, d.balance(Account.wallet(alice.base58())));
    assertEquals(2, d.state.pendingRemovals().size());
    assertEquals(2, d.state.book().size());
  }

  @Test
  void aDealEndsWhenItsBalanceRunsOut() {
    // 2 × 2 × 12 = 48 to start; each epoch costs 20
    DealId id = twoUnitDeal(100, 48);
    d.nextEpoch();
    d.everyoneProves();
    d.nextEpoch(); // 28 left, covers the next
    d.everyoneProves();
    d.nextEpoch(); // 8 left: not enough
    assertEquals(EndReason.BALANCE_EXHAUSTED, deal(id).endReason().orElseThrow());
    assertEquals(40, d.balance(Account.earnings(prov.base58())));
    assertEquals(100_000 - 40, d.balance(Account.wallet(alice.base58())));
  }

  @Test
  void cancellingPaysTheCurrentEpochAndRefundsTheRest() {
    DealId id = twoUnitDeal(100, 1_000);
    d.nextEpoch();
    long refund = d.ok(d.market.cancelDeal(d.state, alice, id));
    assertEquals(980, refund);
    assertEquals(20, d.balance(Account.earnings(prov.base58())));
    assertEquals(EndReason.CANCELLED, deal(id).endReason().orElseThrow());
    MarketError again = d.refused(d.market.cancelDeal(d.state, alice, id));
    assertEquals(MarketError.Code.WRONG_STATE, again.code());
  }

  @Test
  void settlementHappensOnceAndLateVerdictsChangeNothing() {
    DealId id = twoUnitDeal(10, 1_000);
    d.nextEpoch();
    d.everyoneProves();
    d.nextEpoch();
    MarketState settled = d.state;
    assertFalse(settled.settlementDue());
    assertEquals(MarketError.Code.WRONG_STATE, d.refused(d.epochs.settle(settled)).code());
    Decision<?> late =
        d.epochs.recordAudit(
            settled,
            id,
            deal(id).assignments().get(0).unit(),
            settled.previousEpoch(),
            io.gyre.marketplace.proof.Verdict.FAILED);
    assertTrue(((Decision.Accepted<?>) late).events().isEmpty());
  }

  @Test
  void eachEpochHasFreshRandomnessChainedToTheLast() {
    String first = d.state.randomness();
    d.nextEpoch();
    assertEquals(EpochRandomness.next(first, 1, "entropy-0"), d.state.randomness());
    String second = d.state.randomness();
    d.nextEpoch();
    assertNotEquals(second, d.state.randomness());
  }
}
