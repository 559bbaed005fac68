package io.gyre.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deal.DealStatus;
import io.gyre.marketplace.matching.FreeUnit;
import io.gyre.marketplace.matching.MatchingEngine;
import io.gyre.marketplace.matching.OfferBook;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.offer.UnitId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching engine alone (pure), and pending deals matched again as offers arrive. */
class MatchingTest {
  private static PeerId peer(String name) {
    return KeyPair.fromSeedName(name).peerId();
  }

  private static final PeerId A = peer("provider-a");
  private static final PeerId B = peer("provider-b");
  private static final PeerId DEV = peer("dev");

  private static OfferBook book(Offer... offers) {
    OfferBook book = OfferBook.EMPTY;
    for (Offer offer : offers) {
      for (var unit : offer.units()) {
        book = book.with(FreeUnit.of(offer, unit));
      }
    }
    return book;
  }

  private static Offer offer(
      int seq, PeerId provider, long price, List<String> hosts, String... peers) {
    List<PeerId> unitPeers = java.util.Arrays.stream(peers).map(MatchingTest::peer).toList();
    return Offer.place(OfferId.of(seq), provider, new OfferSpec(unitPeers, price, hosts, 0));
  }

  private static Deal deal(
      long maxPrice,
      int target,
      int min,
      List<PeerId> allow,
      List<PeerId> deny,
      List<String> hosts) {
    return Deal.open(
        DealId.of(0),
        DEV,
        new DealSpec("bp", List.of(), maxPrice, target, min, 5, allow, deny, hosts, 100));
  }

  private static List<String> units(List<FreeUnit> picked) {
    return picked.stream().map(u -> u.unit().value()).toList();
  }

  @Test
  void cheapestFirstThenOldest() {
    OfferBook book =
        book(
            offer(0, A, 7, List.of(), "a1"),
            offer(1, B, 5, List.of(), "b1"),
            offer(2, A, 5, List.of(), "a2"),
            offer(3, B, 6, List.of(), "b2"));
    List<FreeUnit> picked =
        new MatchingEngine(10).match(deal(10, 3, 1, List.of(), List.of(), List.of()), book);
    assertEquals(List.of("offer-1/0", "offer-2/0", "offer-3/0"), units(picked));
  }

  @Test
  void nothingAboveTheMaxPrice() {
    OfferBook book = book(offer(0, A, 11, List.of(), "a1"), offer(1, B, 10, List.of(), "b1"));
    assertEquals(
        List.of("offer-1/0"),
        units(new MatchingEngine(10).match(deal(10, 2, 1, List.of(), List.of(), List.of()), book)));
  }

  @Test
  void atMostOneUnitPerPeerPerDeal() {
    OfferBook book = book(offer(0, A, 1, List.of(), "same", "same", "other"));
    assertEquals(
        List.of("offer-0/0", "offer-0/2"),
        units(new MatchingEngine(10).match(deal(10, 3, 1, List.of(), List.of(), List.of()), book)));
  }

  @Test
  void aCapPerProvider() {
    OfferBook book =
        book(offer(0, A, 1, List.of(), "a1", "a2", "a3"), offer(1, B, 2, List.of(), "b1"));
    assertEquals(
        List.of("offer-0/0", "offer-0/1", "offer-1/0"),
        units(new MatchingEngine(2).match(deal(10, 4, 1, List.of(), List.of(), List.of()), book)));
  }

  @Test
  void allowAndDenyListsAndHostFunctions() {
    OfferBook book =
        book(
            offer(0, A, 1, List.of("clock", "net"), "a1"),
            offer(1, B, 1, List.of("clock"), "b1"),
            offer(2, B, 2, List.of("clock", "net"), "b2"));
    MatchingEngine engine = new MatchingEngine(10);
    assertEquals(
        List.of("offer-2/0"),
        units(engine.match(deal(10, 3, 1, List.of(), List.of(A), List.of("net")), book)));
    assertEquals(
        List.of("offer-1/0", "offer-2/0"),
        units(engine.match(deal(10, 3, 1, List.of(B), List.of(), List.of()), book)));
  }

  @Test
  void aDealThatCannotReachItsMinimumGetsNothing() {
    OfferBook book = book(offer(0, A, 1, List.of(), "a1"), offer(1, B, 1, List.of(), "b1"));
    assertEquals(
        List.of(),
        units(new MatchingEngine(10).match(deal(10, 4, 3, List.of(), List.of(), List.of()), book)));
  }

  @Test
  void excludedUnitsAreNotMatchedAgain() {
    Offer offer = offer(0, A, 1, List.of(), "a1", "a2");
    Deal failed =
        deal(10, 2, 1, List.of(), List.of(), List.of())
            .withAssignments(
                List.of(
                    new io.gyre.marketplace.deal.Assignment(
                        UnitId.of(OfferId.of(0), 0), A, peer("a1"), 1, 1)))
            .without(List.of(UnitId.of(OfferId.of(0), 0)), true);
    assertEquals(List.of("offer-0/1"), units(new MatchingEngine(10).match(failed, book(offer))));
  }

  @Test
  void aPendingDealIsMatchedWhenEnoughOffersArrive() {
    RulesDriver d = new RulesDriver();
    PeerId dev = d.peer("dev");
    d.ok(d.market.fund(d.state, dev, 1_000));
    d.ok(d.market.fund(d.state, A, 1_000));
    DealId id = d.ok(d.market.openDeal(d.state, dev, RulesDriver.deal(10, 3, 2, 5, 100)));
    assertEquals(DealStatus.NOT_ENOUGH_WORKERS, d.state.view(id).orElseThrow().status());
    d.ok(d.market.placeOffer(d.state, A, RulesDriver.offer(List.of(peer("x1")), 5, 0)));
    assertEquals(DealStatus.NOT_ENOUGH_WORKERS, d.state.view(id).orElseThrow().status());
    assertEquals(1, d.state.book().size());
    d.ok(d.market.placeOffer(d.state, A, RulesDriver.offer(List.of(peer("x2")), 5, 0)));
    assertEquals(DealStatus.ACTIVE, d.state.view(id).orElseThrow().status());
    assertEquals(2, d.state.deal(id).orElseThrow().assignments().size());
    // a third offer tops it up to its target
    d.ok(d.market.fund(d.state, B, 1_000));
    d.ok(d.market.placeOffer(d.state, B, RulesDriver.offer(List.of(peer("x3")), 5, 0)));
    assertEquals(3, d.state.deal(id).orElseThrow().assignments().size());
    assertTrue(d.state.book().size() == 0);
  }

  @Test
  void anUnderfundedDealWaitsForADeposit() {
    RulesDriver d = new RulesDriver();
    PeerId dev = d.peer("dev");
    d.ok(d.market.fund(d.state, dev, 1_000));
    d.ok(d.market.fund(d.state, A, 1_000));
    d.ok(d.market.placeOffer(d.state, A, RulesDriver.offer(List.of(peer("x1")), 5, 0)));
    DealId id = d.ok(d.market.openDeal(d.state, dev, RulesDriver.deal(10, 1, 1, 5, 19)));
    assertEquals(DealStatus.INSUFFICIENT_FUNDS, d.state.view(id).orElseThrow().status());
    d.ok(d.market.deposit(d.state, dev, id, 1));
    assertEquals(DealStatus.ACTIVE, d.state.view(id).orElseThrow().status());
  }
}
