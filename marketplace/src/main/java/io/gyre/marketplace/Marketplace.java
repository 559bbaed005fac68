package io.gyre.marketplace;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import akka.japi.function.Function;
import akka.pattern.StatusReply;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.OfferSpec;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The marketplace as Java calls: what the node's builtin service {@code market} and its HTTP API
 * use. Every acting call names the acting peer, already authenticated by the caller; a refused
 * request fails its stage with a {@link MarketException} carrying the typed {@link MarketError}.
 */
public final class Marketplace {
  private final ActorRef<MarketActor.Command> market;
  private final Scheduler scheduler;
  private final Duration timeout;

  public Marketplace(ActorRef<MarketActor.Command> market, Scheduler scheduler, Duration timeout) {
    this.market = market;
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  /** Money into {@code peer}'s wallet from outside; the new wallet balance. */
  public CompletionStage<Long> fund(PeerId peer, long amount) {
    return ask(replyTo -> new MarketActor.Fund(peer, amount, replyTo));
  }

  /** {@code acting} takes money out of its wallet; the balance left. */
  public CompletionStage<Long> withdrawFromWallet(PeerId acting, PeerId owner, long amount) {
    return ask(
        replyTo ->
            new MarketActor.Withdraw(acting, Account.wallet(owner.base58()), amount, replyTo));
  }

  /** {@code acting} takes money out of {@code provider}'s earnings; the earnings left. */
  public CompletionStage<Long> withdrawEarnings(PeerId acting, PeerId provider, long amount) {
    return ask(
        replyTo ->
            new MarketActor.Withdraw(acting, Account.earnings(provider.base58()), amount, replyTo));
  }

  public CompletionStage<OfferId> placeOffer(PeerId provider, OfferSpec spec) {
    return ask(replyTo -> new MarketActor.PlaceOffer(provider, spec, replyTo));
  }

  public CompletionStage<OfferId> repriceOffer(PeerId provider, OfferId offer, long price) {
    return ask(replyTo -> new MarketActor.RepriceOffer(provider, offer, price, replyTo));
  }

  public CompletionStage<OfferId> withdrawOffer(PeerId provider, OfferId offer) {
    return ask(replyTo -> new MarketActor.WithdrawOffer(provider, offer, replyTo));
  }

  public CompletionStage<DealId> openDeal(PeerId owner, DealSpec spec) {
    return ask(replyTo -> new MarketActor.OpenDeal(owner, spec, replyTo));
  }

  /** More money into the deal's escrow from its owner's wallet; the escrow after it. */
  public CompletionStage<Long> deposit(PeerId owner, DealId deal, long amount) {
    return ask(replyTo -> new MarketActor.Deposit(owner, deal, amount, replyTo));
  }

  /** Ends the deal; what was refunded to the owner's wallet. */
  public CompletionStage<Long> cancelDeal(PeerId owner, DealId deal) {
    return ask(replyTo -> new MarketActor.CancelDeal(owner, deal, replyTo));
  }

  /** How many capacity proofs the unit has in the epoch after this one. */
  public CompletionStage<Integer> submitCapacityProof(PeerId acting, CapacityProof proof) {
    return ask(replyTo -> new MarketActor.SubmitCapacityProof(acting, proof, replyTo));
  }

  public CompletionStage<String> commitBatch(PeerId acting, BatchCommitment commitment) {
    return ask(replyTo -> new MarketActor.CommitBatch(acting, commitment, replyTo));
  }

  public CompletionStage<DealView> deal(DealId deal) {
    return ask(replyTo -> new MarketActor.GetDeal(deal, replyTo));
  }

  public CompletionStage<Long> balance(Account account) {
    return onReplyingThread(
        AskPattern.ask(
            market, replyTo -> new MarketActor.GetBalance(account, replyTo), timeout, scheduler));
  }

  /** The epoch, its randomness and the units {@code peer} runs. */
  public CompletionStage<PeerDuties> duties(PeerId peer) {
    return onReplyingThread(
        AskPattern.ask(
            market, replyTo -> new MarketActor.GetPeerDuties(peer, replyTo), timeout, scheduler));
  }

  /** The whole state (for {@code gyre market status/ledger}: {@code view.dump().toJson()}). */
  public CompletionStage<MarketView> view() {
    return onReplyingThread(AskPattern.ask(market, MarketActor.GetView::new, timeout, scheduler));
  }

  /**
   * Akka's ask answers with a CompletableFuture whose plain stages (thenApply, handle, …) all run
   * on Java's default async executor, which on a machine of fewer than three cores starts a thread
   * per task: one per marketplace request. Its explicitly-executed stages answer ordinary futures,
   * so one stage run on the replying thread makes every later stage cheap.
   */
  private static <T> CompletionStage<T> onReplyingThread(CompletionStage<T> reply) {
    return reply.thenApplyAsync(value -> value, Runnable::run);
  }

  private <T> CompletionStage<T> ask(
      Function<ActorRef<StatusReply<T>>, MarketActor.Command> command) {
    CompletableFuture<T> asked =
        AskPattern.<MarketActor.Command, T>askWithStatus(market, command::apply, timeout, scheduler)
            .toCompletableFuture();
    return asked.handleAsync(
        (value, failure) -> {
          if (failure == null) {
            return value;
          }
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          if (cause instanceof StatusReply.ErrorMessage refused) {
            throw new CompletionException(
                new MarketException(MarketError.parse(refused.getMessage())));
          }
          throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        },
        // on the replying thread: see onReplyingThread
        Runnable::run);
  }
}
