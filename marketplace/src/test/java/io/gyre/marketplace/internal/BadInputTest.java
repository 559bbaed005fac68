package io.gyre.marketplace.internal;

import static io.gyre.marketplace.MarketError.Code.DUPLICATE;
import static io.gyre.marketplace.MarketError.Code.INSUFFICIENT_FUNDS;
import static io.gyre.marketplace.MarketError.Code.INVALID_AMOUNT;
import static io.gyre.marketplace.MarketError.Code.INVALID_REQUEST;
import static io.gyre.marketplace.MarketError.Code.NOT_AUTHORIZED;
import static io.gyre.marketplace.MarketError.Code.PROOF_REJECTED;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_DEAL;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_OFFER;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Amounts;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.marketplace.proof.InMemoryProofs;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad request gets a clear, typed error and changes nothing. */
class BadInputTest {
  private final RulesDriver d = new RulesDriver();
  private final PeerId alice = d.peer("alice");
  private final PeerId mallory = d.peer("mallory");
  private final PeerId prov = d.peer("provider");
  private final PeerId p1 = d.peer("p1");
  private DealId deal;
  private Assignment unit;

  @BeforeEach
  void aRunningDeal() {
    d.ok(d.market.fund(d.state, prov, 10_000));
    d.ok(d.market.placeOffer(d.state, prov, RulesDriver.offer(List.of(p1), 10, 100)));
    d.ok(d.market.fund(d.state, alice, 1_000));
    d.ok(d.market.fund(d.state, mallory, 1_000));
    deal = d.ok(d.market.openDeal(d.state, alice, RulesDriver.deal(10, 1, 1, 5, 500)));
    d.nextEpoch();
    unit = d.state.deal(deal).orElseThrow().assignments().get(0);
  }

  /** The refusal, with its code and a message naming the problem; the state is untouched. */
  private MarketError refused(
      Supplier<Decision<?>> request, MarketError.Code code, String messagePart) {
    MarketState before = d.state;
    MarketError error = d.refused(request.get());
    assertEquals(code, error.code(), error.toString());
    assertTrue(error.message().contains(messagePart), error.message());
    assertEquals(before, d.state);
    assertEquals(before.dump().toJson(), d.state.dump().toJson());
    return error;
  }

  @Test
  void negativeAmount() {
    refused(() -> d.market.fund(d.state, alice, -5), INVALID_AMOUNT, "must be positive, not -5");
  }

  @Test
  void zeroAmount() {
    refused(() -> d.market.deposit(d.state, alice, deal, 0), INVALID_AMOUNT, "not 0");
  }

  @Test
  void absurdAmount() {
    refused(
        () -> d.market.fund(d.state, alice, Amounts.MAX + 1), INVALID_AMOUNT, "above the limit");
  }

  @Test
  void overflowingAmount() {
    refused(
        () -> d.market.openDeal(d.state, alice, RulesDriver.deal(Amounts.MAX, 100, 1, 5, 500)),
        INVALID_AMOUNT,
        "overflows");
  }

  @Test
  void overflowingCollateral() {
    refused(
        () ->
            d.market.placeOffer(
                d.state, prov, RulesDriver.offer(List.of(p1, p1, p1), 10, Amounts.MAX)),
        INVALID_AMOUNT,
        "overflows");
  }

  @Test
  void minimumAboveTarget() {
    refused(
        () -> d.market.openDeal(d.state, alice, RulesDriver.deal(10, 1, 2, 5, 500)),
        INVALID_REQUEST,
        "minimum");
  }

  @Test
  void unknownDeal() {
    refused(() -> d.market.deposit(d.state, alice, DealId.of(99), 10), UNKNOWN_DEAL, "deal-99");
  }

  @Test
  void unknownOffer() {
    refused(() -> d.market.withdrawOffer(d.state, prov, OfferId.of(42)), UNKNOWN_OFFER, "offer-42");
  }

  @Test
  void unknownUnit() {
    CapacityProof proof = new CapacityProof(UnitId.of(OfferId.of(0), 7), d.state.epoch(), "00");
    refused(() -> d.proofRules.submitCapacityProof(d.state, p1, proof), UNKNOWN_UNIT, "offer-0/7");
  }

  @Test
  void aBatchFromAPeerThatIsNotTheDealsProvider() {
    BatchCommitment forged =
        d.proofs.commit(d.key("mallory"), deal, unit.unit(), d.state.epoch(), List.of());
    refused(
        () -> d.proofRules.commitBatch(d.state, mallory, forged),
        NOT_AUTHORIZED,
        "is not the provider of unit");
  }

  @Test
  void aCapacityProofFromAPeerThatIsNotTheUnits() {
    CapacityProof proof =
        InMemoryProofs.solveCapacity(unit.unit(), d.state.epoch(), d.state.randomness(), 0);
    refused(
        () -> d.proofRules.submitCapacityProof(d.state, mallory, proof),
        NOT_AUTHORIZED,
        "or its provider may prove");
  }

  @Test
  void aBatchSignedByAnotherKey() {
    BatchCommitment signedByMallory =
        d.proofs.commit(d.key("mallory"), deal, unit.unit(), d.state.epoch(), List.of());
    BatchCommitment claimed =
        new BatchCommitment(
            deal,
            unit.unit(),
            p1,
            d.state.epoch(),
            signedByMallory.root(),
            0,
            signedByMallory.signature());
    refused(() -> d.proofRules.commitBatch(d.state, p1, claimed), PROOF_REJECTED, "not signed");
  }

  @Test
  void aWrongCapacitySolution() {
    CapacityProof wrong = new CapacityProof(unit.unit(), d.state.epoch(), "0");
    for (int i = 1; d.proofs.capacityProofValid(wrong, p1, d.state.randomness()); i++) {
      wrong = new CapacityProof(unit.unit(), d.state.epoch(), Integer.toHexString(i));
    }
    CapacityProof failing = wrong;
    refused(
        () -> d.proofRules.submitCapacityProof(d.state, p1, failing),
        PROOF_REJECTED,
        "does not solve");
  }

  @Test
  void doubleSubmissionOfABatch() {
    BatchCommitment commitment =
        d.proofs.commit(d.key("p1"), deal, unit.unit(), d.state.epoch(), List.of());
    d.ok(d.proofRules.commitBatch(d.state, p1, commitment));
    refused(
        () -> d.proofRules.commitBatch(d.state, p1, commitment), DUPLICATE, "already committed");
  }

  @Test
  void doubleSubmissionOfACapacityProof() {
    CapacityProof proof =
        InMemoryProofs.solveCapacity(unit.unit(), d.state.epoch(), d.state.randomness(), 0);
    d.ok(d.proofRules.submitCapacityProof(d.state, p1, proof));
    refused(
        () -> d.proofRules.submitCapacityProof(d.state, p1, proof), DUPLICATE, "already accepted");
  }

  @Test
  void withdrawingMoreThanTheBalance() {
    refused(
        () -> d.market.withdraw(d.state, alice, Account.wallet(alice.base58()), 501),
        INSUFFICIENT_FUNDS,
        "holds 500, less than the 501");
  }

  @Test
  void depositingMoreThanTheWalletHolds() {
    refused(
        () -> d.market.deposit(d.state, alice, deal, 10_000),
        INSUFFICIENT_FUNDS,
        "less than the 10000");
  }

  @Test
  void someoneElseCancellingADeal() {
    refused(() -> d.market.cancelDeal(d.state, mallory, deal), NOT_AUTHORIZED, "only the owner");
  }

  @Test
  void someoneElseDepositingIntoADeal() {
    refused(() -> d.market.deposit(d.state, mallory, deal, 10), NOT_AUTHORIZED, "only the owner");
  }

  @Test
  void withdrawingSomeoneElsesEarnings() {
    d.everyoneProves();
    d.nextEpoch();
    assertEquals(10, d.balance(Account.earnings(prov.base58())));
    refused(
        () -> d.market.withdraw(d.state, mallory, Account.earnings(prov.base58()), 10),
        NOT_AUTHORIZED,
        "only " + prov.base58() + " may withdraw");
  }

  @Test
  void someoneElseChangingAnOffer() {
    refused(
        () -> d.market.repriceOffer(d.state, mallory, OfferId.of(0), 1),
        NOT_AUTHORIZED,
        "only the provider");
  }

  @Test
  void withdrawingAnOfferWhoseUnitsServe() {
    refused(
        () -> d.market.withdrawOffer(d.state, prov, OfferId.of(0)),
        io.gyre.marketplace.MarketError.Code.WRONG_STATE,
        "units serving deals");
  }
}
