package io.gyre.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketEvent;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.InMemoryProofs;
import io.gyre.marketplace.proof.Sampling;
import io.gyre.marketplace.proof.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pure rules driven by hand, as the actor would drive them, with the state kept here. */
final class RulesDriver {
  static final MarketSettings SETTINGS = MarketSettings.defaults();

  final InMemoryProofs proofs = new InMemoryProofs();
  final MarketRules market = new MarketRules(SETTINGS);
  final ProofRules proofRules = new ProofRules(SETTINGS, proofs);
  final EpochRules epochs = new EpochRules(SETTINGS, market);
  final List<MarketEvent> journal = new ArrayList<>();
  private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
  MarketState state = MarketState.EMPTY;

  RulesDriver() {
    ok(epochs.open(state, 0, "genesis"));
  }

  PeerId peer(String name) {
    return key(name).peerId();
  }

  KeyPair key(String name) {
    return keys.computeIfAbsent(name, KeyPair::fromSeedName);
  }

  KeyPair keyOf(PeerId peer) {
    return keys.values().stream().filter(k -> k.peerId().equals(peer)).findFirst().orElseThrow();
  }

  <T> T ok(Decision<T> decision) {
    if (decision instanceof Decision.Refused<T> refused) {
      return fail("refused: " + refused.error());
    }
    Decision.Accepted<T> accepted = (Decision.Accepted<T>) decision;
    for (MarketEvent event : accepted.events()) {
      state = state.apply(event);
      journal.add(event);
    }
    return accepted.result();
  }

  /** The refusal, after checking that the state did not change. */
  MarketError refused(Decision<?> decision) {
    if (decision instanceof Decision.Refused<?> refused) {
      return refused.error();
    }
    return fail("accepted, expected a refusal: " + decision);
  }

  long balance(Account account) {
    return state.ledger().balance(account);
  }

  static OfferSpec offer(List<PeerId> peers, long price, long collateralPerUnit) {
    return new OfferSpec(peers, price, List.of("clock"), collateralPerUnit);
  }

  static DealSpec deal(long maxPrice, int target, int min, int epochs, long deposit) {
    return new DealSpec(
        "bp-1",
        List.of("m-1"),
        maxPrice,
        target,
        min,
        epochs,
        List.of(),
        List.of(),
        List.of(),
        deposit);
  }

  /** Every unit serving in the current epoch proves capacity and commits a batch of 3 receipts. */
  void everyoneProves() {
    for (var deal : state.deals().values()) {
      for (Assignment a : deal.assignments()) {
        if (a.servedIn(state.epoch())) {
          prove(deal.id(), a);
        }
      }
    }
  }

  void prove(DealId deal, Assignment a) {
    if (state.evidence().capacityProofs(a.unit(), state.epoch()).isEmpty()) {
      ok(
          proofRules.submitCapacityProof(
              state,
              a.peer(),
              InMemoryProofs.solveCapacity(a.unit(), state.epoch(), state.randomness(), 0)));
    }
    if (state.evidence().batch(deal, a.unit(), state.epoch()).isPresent()) {
      return;
    }
    BatchCommitment commitment =
        proofs.commit(
            keyOf(a.peer()),
            deal,
            a.unit(),
            state.epoch(),
            List.of("r1".getBytes(), "r2".getBytes(), "r3".getBytes()));
    ok(proofRules.commitBatch(state, a.peer(), commitment));
  }

  /** Starts the next epoch, audits the last one through the in-memory proofs, settles it. */
  long nextEpoch() {
    long epoch = ok(epochs.startEpoch(state, state.epoch() + 1, "entropy-" + state.epoch()));
    for (BatchCommitment c : epochs.pendingAudits(state)) {
      List<Long> indices = Sampling.indices(state.randomness(), c, SETTINGS.samplesPerBatch());
      Verdict verdict;
      try {
        verdict =
            proofs.verifySamples(c, indices, proofs.fetch(c, indices).toCompletableFuture().join());
      } catch (RuntimeException withheld) {
        verdict = Verdict.MISSING;
      }
      ok(epochs.recordAudit(state, c.deal(), c.unit(), c.epoch(), verdict));
    }
    ok(epochs.settle(state));
    assertEquals(0, total());
    return epoch;
  }

  long total() {
    return state.ledger().balances().values().stream().mapToLong(Long::longValue).sum();
  }
}
