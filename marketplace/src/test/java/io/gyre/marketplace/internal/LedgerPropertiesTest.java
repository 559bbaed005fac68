package io.gyre.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketEvent;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Amounts;
import io.gyre.marketplace.ledger.Ledger;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.proof.InMemoryProofs;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * "Nothing is created or lost", over random sequences of every operation the marketplace takes —
 * good and bad amounts, strangers acting, epochs with and without proofs.
 */
class LedgerPropertiesTest {
  enum Kind {
    FUND,
    WITHDRAW_WALLET,
    WITHDRAW_EARNINGS,
    PLACE_OFFER,
    REPRICE_OFFER,
    WITHDRAW_OFFER,
    OPEN_DEAL,
    DEPOSIT,
    CANCEL,
    PROVE_ALL,
    PROVE_SOME,
    NEXT_EPOCH
  }

  record Op(Kind kind, int actor, int target, long amount, int size) {}

  private static final String[] NAMES = {"dev-a", "dev-b", "prov-a", "prov-b", "stranger"};
  private static final String[] PEERS = {"peer-1", "peer-2", "peer-3", "peer-4"};

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Long> amounts =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, Arbitraries.longs().between(1, 3_000)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    -1L, 0L, Amounts.MAX, Amounts.MAX + 1, Long.MAX_VALUE, Long.MIN_VALUE)));
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(3, Kind.FUND),
                    net.jqwik.api.Tuple.of(1, Kind.WITHDRAW_WALLET),
                    net.jqwik.api.Tuple.of(2, Kind.WITHDRAW_EARNINGS),
                    net.jqwik.api.Tuple.of(4, Kind.PLACE_OFFER),
                    net.jqwik.api.Tuple.of(1, Kind.REPRICE_OFFER),
                    net.jqwik.api.Tuple.of(1, Kind.WITHDRAW_OFFER),
                    net.jqwik.api.Tuple.of(4, Kind.OPEN_DEAL),
                    net.jqwik.api.Tuple.of(2, Kind.DEPOSIT),
                    net.jqwik.api.Tuple.of(1, Kind.CANCEL),
                    net.jqwik.api.Tuple.of(5, Kind.PROVE_ALL),
                    net.jqwik.api.Tuple.of(3, Kind.PROVE_SOME),
                    net.jqwik.api.Tuple.of(6, Kind.NEXT_EPOCH)),
                Arbitraries.integers().between(0, NAMES.length - 1),
                Arbitraries.integers().between(0, 6),
                amounts,
                Arbitraries.integers().between(1, 4))
            .as(Op::new);
    return op.list().ofMinSize(40).ofMaxSize(120);
  }

  @Property(tries = 120)
  void nothingIsCreatedOrLost(@ForAll("operations") List<Op> ops) {
    RulesDriver d = new RulesDriver();
    for (String name : NAMES) {
      d.ok(d.market.fund(d.state, d.peer(name), 20_000));
    }
    long paidIn = 20_000L * NAMES.length;
    long paidOut = 0;
    Ledger replayed = Ledger.EMPTY;
    int seen = 0;
    for (Op op : ops) {
      MarketState before = d.state;
      Decision<?> decision = decide(d, op);
      net.jqwik.api.statistics.Statistics.label("accepted")
          .collect(op.kind(), decision instanceof Decision.Accepted<?>);
      if (decision instanceof Decision.Accepted<?> accepted) {
        for (MarketEvent event : accepted.events()) {
          if (event instanceof MarketEvent.Transferred t) {
            if (t.transfer().from().equals(Account.OUTSIDE)) {
              paidIn += t.transfer().amount();
            }
            if (t.transfer().to().equals(Account.OUTSIDE)) {
              paidOut += t.transfer().amount();
            }
          }
        }
        d.ok(decision);
      } else {
        assertEquals(before, d.state, "a refused " + op + " changed the state");
      }
      for (; seen < d.journal.size(); seen++) {
        if (d.journal.get(seen) instanceof MarketEvent.Transferred t) {
          replayed = replayed.post(t.transfer());
        }
      }
      assertEquals(replayed, d.state.ledger(), "the ledger is not the sum of its transfers");
      checkInvariants(d, paidIn, paidOut);
    }
    assertEquals(d.state, MarketState.restore(d.state.dump()), "the dump is the whole state");
    net.jqwik.api.statistics.Statistics.label("deals that ran")
        .collect(d.state.deals().values().stream().anyMatch(deal -> deal.epochsServed() > 0));
    net.jqwik.api.statistics.Statistics.label("slashed").collect(d.balance(Account.SLASHED) > 0);
  }

  private static void checkInvariants(RulesDriver d, long paidIn, long paidOut) {
    Map<Account, Long> balances = d.state.ledger().balances();
    long sum = 0;
    long inside = 0;
    for (var entry : balances.entrySet()) {
      sum = Math.addExact(sum, entry.getValue());
      if (!entry.getKey().mayGoNegative()) {
        assertTrue(entry.getValue() > 0, entry + " is negative");
        inside = Math.addExact(inside, entry.getValue());
      }
    }
    assertEquals(0, sum, "the balances do not sum to zero: " + balances);
    assertEquals(paidIn - paidOut, inside, "money inside differs from deposits - withdrawals");
    for (Deal deal : d.state.deals().values()) {
      if (!deal.isOpen()) {
        assertEquals(0, d.balance(Account.escrow(deal.id().value())), deal.id() + " kept money");
      }
    }
    for (long n = 0; n < d.state.offersPlaced(); n++) {
      if (d.state.offer(OfferId.of(n)).isEmpty()) {
        assertEquals(0, d.balance(Account.collateral("offer-" + n)));
      }
    }
  }

  /**
   * The operation {@code op} stands for: on an existing deal or offer (picked by {@code target}),
   * acted by its owner unless the actor drawn is the stranger.
   */
  private static Decision<?> decide(RulesDriver d, Op op) {
    PeerId actor = d.peer(NAMES[op.actor()]);
    boolean stranger = op.actor() == NAMES.length - 1;
    PeerId other = d.peer(NAMES[op.target() % NAMES.length]);
    DealId deal = DealId.of(op.target() % Math.max(1, d.state.dealsOpened()));
    OfferId offer = OfferId.of(op.target() % Math.max(1, d.state.offersPlaced()));
    PeerId dealActor = stranger ? actor : d.state.deal(deal).map(Deal::owner).orElse(actor);
    PeerId offerActor =
        stranger
            ? actor
            : d.state.offer(offer).map(io.gyre.marketplace.offer.Offer::provider).orElse(actor);
    return switch (op.kind()) {
      case FUND -> d.market.fund(d.state, actor, op.amount());
      case WITHDRAW_WALLET ->
          d.market.withdraw(
              d.state, actor, Account.wallet((stranger ? other : actor).base58()), op.amount() / 4);
      case WITHDRAW_EARNINGS ->
          d.market.withdraw(
              d.state,
              actor,
              Account.earnings((stranger ? other : actor).base58()),
              1 + op.amount() % 50);
      case PLACE_OFFER ->
          d.market.placeOffer(
              d.state,
              actor,
              RulesDriver.offer(
                  java.util.stream.IntStream.range(0, op.size())
                      .mapToObj(i -> d.peer(PEERS[(op.target() + i) % PEERS.length]))
                      .toList(),
                  1 + Math.floorMod(op.amount(), 20),
                  Math.floorMod(op.amount(), 300)));
      case REPRICE_OFFER -> d.market.repriceOffer(d.state, offerActor, offer, op.amount() % 30);
      case WITHDRAW_OFFER -> d.market.withdrawOffer(d.state, offerActor, offer);
      case OPEN_DEAL ->
          d.market.openDeal(
              d.state,
              actor,
              RulesDriver.deal(
                  5 + op.target() * 3L,
                  op.size(),
                  1 + op.target() % op.size(),
                  1 + op.target(),
                  op.amount()));
      case DEPOSIT -> d.market.deposit(d.state, dealActor, deal, op.amount());
      case CANCEL -> d.market.cancelDeal(d.state, dealActor, deal);
      case PROVE_ALL -> {
        d.everyoneProves();
        yield new Decision.Accepted<>(List.of(), true);
      }
      case PROVE_SOME -> {
        proveSome(d, op.target());
        yield new Decision.Accepted<>(List.of(), true);
      }
      case NEXT_EPOCH -> {
        if (op.size() > 1) { // mostly honest epochs: everyone proves, then it ends
          d.everyoneProves();
        }
        d.nextEpoch();
        yield new Decision.Accepted<>(List.of(), true);
      }
    };
  }

  /** Every other unit proves capacity; every third commits a batch (some tampered). */
  private static void proveSome(RulesDriver d, int salt) {
    int i = salt;
    for (Deal deal : d.state.deals().values()) {
      for (var a : deal.assignments()) {
        i++;
        if (!a.servedIn(d.state.epoch())) {
          continue;
        }
        if (i % 2 == 0 && d.state.evidence().capacityProofs(a.unit(), d.state.epoch()).isEmpty()) {
          d.ok(
              d.proofRules.submitCapacityProof(
                  d.state,
                  a.peer(),
                  InMemoryProofs.solveCapacity(
                      a.unit(), d.state.epoch(), d.state.randomness(), 0)));
        }
        if (i % 3 == 0
            && d.state.evidence().batch(deal.id(), a.unit(), d.state.epoch()).isEmpty()) {
          d.ok(
              d.proofRules.commitBatch(
                  d.state,
                  a.peer(),
                  d.proofs.commit(
                      d.keyOf(a.peer()),
                      deal.id(),
                      a.unit(),
                      d.state.epoch(),
                      List.of(new byte[] {1}, new byte[] {2}))));
          if (i % 4 == 0) {
            d.proofs.tamper(deal.id(), a.unit(), d.state.epoch());
          }
        }
      }
    }
  }
}
