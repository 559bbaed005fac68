package io.gyre.bench.market;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketEvent;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.internal.Decision;
import io.gyre.marketplace.internal.EpochRules;
import io.gyre.marketplace.internal.MarketRules;
import io.gyre.marketplace.internal.MarketState;
import io.gyre.marketplace.matching.FreeUnit;
import io.gyre.marketplace.matching.MatchingEngine;
import io.gyre.marketplace.offer.OfferSpec;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deals arriving at a marketplace with 10,000 open offers (one unit each, on 10,000 peers, from
 * 1,000 providers, prices 1–100): each deal wants 3 units at up to 50, at least 2, and denies two
 * providers. Measured three ways: the whole decision a deal request goes through (checks, matching,
 * the deposit transfer, the events applied to the immutable state) on the same 10,000-offer market
 * every time; the same with deals arriving one after another (the book drains by 3 units a deal;
 * back to 10,000 every 1,000 deals); and the matching engine alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmark {
  static final int OFFERS = 10_000;

  private final MarketRules rules = new MarketRules(MarketSettings.defaults());
  private final MatchingEngine engine =
      new MatchingEngine(MarketSettings.defaults().maxUnitsPerProvider());
  private MarketState market;
  private MarketState current;
  private int arrived;
  private PeerId developer;
  private DealSpec spec;
  private Deal pending;

  @Setup
  public void setUp() {
    market = tenThousandOffers();
    developer = KeyPair.fromSeedName("developer").peerId();
    market = accept(market, rules.fund(market, developer, 1_000_000_000L));
    spec =
        new DealSpec(
            "bp",
            List.of("m"),
            50,
            3,
            2,
            100,
            List.of(),
            List.of(provider(0), provider(1)),
            List.of(),
            1_000);
    current = market;
    pending = Deal.open(DealId.of(0), developer, spec);
    if (engine.match(pending, market.book()).size() != 3) {
      throw new IllegalStateException("the benchmark deal does not match 3 units");
    }
  }

  MarketState tenThousandOffers() {
    MarketSettings settings = MarketSettings.defaults();
    MarketRules setup = new MarketRules(settings);
    MarketState state =
        accept(MarketState.EMPTY, new EpochRules(settings, setup).open(MarketState.EMPTY, 0, "b"));
    Random random = new Random(12);
    for (int p = 0; p < 1_000; p++) {
      state = accept(state, setup.fund(state, provider(p), 1_000_000));
    }
    for (int i = 0; i < OFFERS; i++) {
      PeerId peer = KeyPair.fromSeedName("unit-peer-" + i).peerId();
      state =
          accept(
              state,
              setup.placeOffer(
                  state,
                  provider(i % 1_000),
                  new OfferSpec(List.of(peer), 1 + random.nextInt(100), List.of(), 10)));
    }
    return state;
  }

  private static PeerId provider(int n) {
    return KeyPair.fromSeedName("provider-" + n).peerId();
  }

  static <T> MarketState accept(MarketState state, Decision<T> decision) {
    if (!(decision instanceof Decision.Accepted<T> accepted)) {
      throw new IllegalStateException("refused: " + decision);
    }
    MarketState next = state;
    for (MarketEvent event : accepted.events()) {
      next = next.apply(event);
    }
    return next;
  }

  /** A deal request on the 10,000-offer market: decision, matching, events applied. */
  @Benchmark
  public MarketState dealArrives() {
    return accept(market, rules.openDeal(market, developer, spec));
  }

  /** Deals one after another, each on the market the last one left. */
  @Benchmark
  public MarketState dealsArriveInSequence() {
    if (++arrived % 1_000 == 0) {
      current = market;
    }
    current = accept(current, rules.openDeal(current, developer, spec));
    return current;
  }

  /** The matching engine alone: 3 units for the deal out of 10,000. */
  @Benchmark
  public List<FreeUnit> engineMatches() {
    return engine.match(pending, market.book());
  }
}
