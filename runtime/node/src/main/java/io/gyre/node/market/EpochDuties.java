package io.gyre.node.market;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketException;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.PeerDuties;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.batch.BatchRoot;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.capacity.CapacityChallenge;
import io.gyre.proofs.capacity.CapacityPuzzle;
import io.gyre.proofs.recording.DealRecorder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a provider peer does each epoch on its own, for every unit it runs for a deal: solve the
 * unit's capacity puzzle (seeded by the epoch's randomness) and submit the answer; once {@code
 * commit-at} of the epoch has passed, seal the deal's receipts of the epoch into a Merkle batch and
 * commit its signed root. Each is done once per unit (or deal) and epoch; a submission that failed
 * for want of an answer is tried again at the next run.
 */
final class EpochDuties {
  private static final Logger LOG = LoggerFactory.getLogger(EpochDuties.class);

  private final PeerId peer;
  private final Marketplace market;
  private final java.util.function.BooleanSupplier marketNodeUp;
  private final ProviderReceipts receipts;
  private final MarketNodeSettings settings;
  private final CapacityPuzzle puzzle;
  private final Executor solvers;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> proved = ConcurrentHashMap.newKeySet();
  private final Map<String, BatchCommitment> sealed = new ConcurrentHashMap<>();
  private final Set<String> committed = ConcurrentHashMap.newKeySet();
  private volatile int silentRounds;
  private volatile long quietUntil = System.nanoTime();

  EpochDuties(
      PeerId peer,
      Marketplace market,
      java.util.function.BooleanSupplier marketNodeUp,
      ProviderReceipts receipts,
      MarketNodeSettings settings,
      Executor solvers,
      Clock clock) {
    this.peer = peer;
    this.market = market;
    this.marketNodeUp = marketNodeUp;
    this.receipts = receipts;
    this.settings = settings;
    this.puzzle = new CapacityPuzzle(settings.puzzle());
    this.solvers = solvers;
    this.clock = clock;
  }

  /**
   * One round: reads the marketplace's state, does what is due. Never fails. While the marketplace
   * does not answer (no market node up, say) rounds back off, up to a quarter epoch (30 s) apart.
   */
  CompletionStage<Void> run() {
    if (System.nanoTime() < quietUntil || !marketNodeUp.getAsBoolean()) {
      // No member may host the marketplace: nothing to ask (its proxy would only buffer).
      return CompletableFuture.completedStage(null);
    }
    return market
        .duties(peer)
        .thenCompose(
            duties -> {
              silentRounds = 0;
              return act(duties);
            })
        .exceptionally(
            failure -> {
              // Never so long that a unit would miss its epoch's commitment for it.
              silentRounds = Math.min(silentRounds + 1, 5);
              long cap = Math.min(30_000, settings.epochLength().toMillis() / 4);
              long pause = Math.min(cap, 1_000L << silentRounds);
              quietUntil = System.nanoTime() + pause * 1_000_000L;
              LOG.debug("peer {}: market duties skipped: {}", peer, failure.toString());
              return null;
            });
  }

  private CompletionStage<Void> act(PeerDuties duties) {
    if (!duties.opened()) {
      return CompletableFuture.completedStage(null);
    }
    long epoch = duties.epoch();
    receipts.observeEpoch(epoch);
    List<CompletableFuture<?>> work = new ArrayList<>();
    for (PeerDuties.Served served : duties.units()) {
      Assignment unit = served.assignment();
      if (served.phase() == Deal.Phase.ENDED || !unit.servedIn(epoch)) {
        continue;
      }
      work.add(prove(unit.unit(), epoch, duties.randomness()).toCompletableFuture());
      if (commitDue(epoch)) {
        work.add(commit(served.deal(), unit.unit(), epoch).toCompletableFuture());
      }
    }
    forgetBefore(epoch - 1);
    return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
  }

  private boolean commitDue(long epoch) {
    long length = settings.epochLength().toMillis();
    return clock.millis() >= epoch * length + (long) (settings.commitAt() * length);
  }

  /** Solves the unit's puzzle for the epoch (off the actor) and submits the answer, once. */
  private CompletionStage<Void> prove(UnitId unit, long epoch, String randomnessHex) {
    String key = unit + "|" + epoch;
    if (!proved.add(key)) {
      return CompletableFuture.completedStage(null);
    }
    Randomness randomness = new Randomness(HexFormat.of().parseHex(randomnessHex));
    CapacityChallenge challenge =
        new CapacityChallenge(randomness, epoch, peer, unit.value(), puzzle.params());
    return CompletableFuture.supplyAsync(() -> solve(challenge), solvers)
        .thenCompose(
            answer ->
                market.submitCapacityProof(
                    peer,
                    new CapacityProof(unit, epoch, HexFormat.of().formatHex(answer.encode()))))
        .handle(
            (count, failure) -> {
              if (failure != null && !final_(failure)) {
                proved.remove(key);
              } else if (failure != null) {
                LOG.info(
                    "peer {}: capacity proof of {} epoch {}: {}",
                    peer,
                    unit,
                    epoch,
                    cause(failure));
              }
              return null;
            });
  }

  private io.gyre.proofs.capacity.CapacityProof solve(CapacityChallenge challenge) {
    long from = random.nextLong() & Long.MAX_VALUE;
    while (true) {
      Optional<io.gyre.proofs.capacity.CapacityProof> answer = puzzle.solve(challenge, from, 1024);
      if (answer.isPresent()) {
        return answer.get();
      }
      from += 1024;
    }
  }

  /** Seals the deal's receipts of {@code epoch} once and commits the signed root until taken. */
  private CompletionStage<Void> commit(DealId deal, UnitId unit, long epoch) {
    String key = deal + "|" + epoch;
    if (committed.contains(key)) {
      return CompletableFuture.completedStage(null);
    }
    BatchCommitment commitment = sealed.computeIfAbsent(key, k -> seal(deal, unit, epoch));
    return market
        .commitBatch(peer, commitment)
        .handle(
            (root, failure) -> {
              if (failure == null || final_(failure)) {
                committed.add(key);
                if (failure != null) {
                  LOG.info("peer {}: batch of {} epoch {}: {}", peer, deal, epoch, cause(failure));
                }
              }
              return null;
            });
  }

  private BatchCommitment seal(DealId deal, UnitId unit, long epoch) {
    DealRecorder recorder = receipts.deal(deal);
    synchronized (recorder) {
      if (recorder.epoch() < epoch) {
        recorder.seal(epoch); // calls stamped with an earlier epoch: not this epoch's work
      }
      if (recorder.epoch() > epoch) {
        throw new IllegalStateException("epoch " + epoch + " of " + deal + " is sealed already");
      }
      return commitment(deal, unit, recorder.seal(epoch + 1));
    }
  }

  /** The marketplace's record of a sealed batch: the proofs module's signed root, in hex. */
  static BatchCommitment commitment(DealId deal, UnitId unit, SealedBatch batch) {
    BatchRoot root = batch.root().root();
    return new BatchCommitment(
        deal,
        unit,
        root.provider(),
        root.epoch(),
        root.root().hex(),
        root.leafCount(),
        HexFormat.of().formatHex(batch.root().signature()));
  }

  private void forgetBefore(long epoch) {
    proved.removeIf(key -> epochOf(key) < epoch);
    committed.removeIf(key -> epochOf(key) < epoch);
    sealed.keySet().removeIf(key -> epochOf(key) < epoch);
  }

  private static long epochOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
  }

  /** A refusal that trying again cannot change (taken already, epoch over, not ours). */
  private static boolean final_(Throwable failure) {
    return cause(failure) instanceof MarketException refused
        && refused.error().code() != MarketError.Code.INVALID_REQUEST;
  }

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
