package io.gyre.marketplace.internal;

import static io.gyre.marketplace.MarketError.Code.INSUFFICIENT_FUNDS;
import static io.gyre.marketplace.MarketError.Code.INVALID_AMOUNT;
import static io.gyre.marketplace.MarketError.Code.INVALID_REQUEST;
import static io.gyre.marketplace.MarketError.Code.NOT_AUTHORIZED;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_DEAL;
import static io.gyre.marketplace.MarketError.Code.UNKNOWN_OFFER;
import static io.gyre.marketplace.MarketError.Code.WRONG_STATE;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketEvent.DealOpened;
import io.gyre.marketplace.MarketEvent.OfferPlaced;
import io.gyre.marketplace.MarketEvent.OfferRepriced;
import io.gyre.marketplace.MarketEvent.OfferWithdrawn;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.deal.EndReason;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Amounts;
import io.gyre.marketplace.ledger.Transfer;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.OfferSpec;
import java.util.Optional;

/**
 * The decisions on offers, deals and money: each checks a request against the state and either
 * refuses it (nothing changes) or returns the events that carry it out. Pure.
 */
public final class MarketRules {
  private final MarketSettings settings;
  private final Matcher matcher;

  public MarketRules(MarketSettings settings) {
    this.settings = settings;
    this.matcher =
        new Matcher(
            new io.gyre.marketplace.matching.MatchingEngine(settings.maxUnitsPerProvider()));
  }

  Matcher matcher() {
    return matcher;
  }

  /** Money comes in from outside into {@code peer}'s wallet; the result is the new balance. */
  public Decision<Long> fund(MarketState state, PeerId peer, long amount) {
    Account wallet = Account.wallet(peer.base58());
    return move(state, Account.OUTSIDE, wallet, amount, "deposit", "a deposit")
        .map(c -> Decision.accept(c, c.state().ledger().balance(wallet)))
        .orElseGet(() -> refusal(state, Account.OUTSIDE, wallet, amount, "a deposit"));
  }

  /** Money leaves {@code account} (a wallet or earnings) for the outside, by its owner only. */
  public Decision<Long> withdraw(MarketState state, PeerId acting, Account account, long amount) {
    if (account.kind() != Account.Kind.WALLET && account.kind() != Account.Kind.EARNINGS) {
      return Decision.refuse(
          INVALID_REQUEST, "only wallets and earnings can be withdrawn from, not " + account);
    }
    if (!account.owner().equals(acting.base58())) {
      return Decision.refuse(
          NOT_AUTHORIZED,
          "only " + account.owner() + " may withdraw from " + account + ", not " + acting);
    }
    return move(state, account, Account.OUTSIDE, amount, "withdrawal", "a withdrawal")
        .map(c -> Decision.accept(c, c.state().ledger().balance(account)))
        .orElseGet(() -> refusal(state, account, Account.OUTSIDE, amount, "a withdrawal"));
  }

  public Decision<OfferId> placeOffer(MarketState state, PeerId provider, OfferSpec spec) {
    int units = spec.unitPeers().size();
    if (units < 1 || units > settings.maxUnitsPerOffer()) {
      return Decision.refuse(
          INVALID_REQUEST,
          "an offer has 1 to " + settings.maxUnitsPerOffer() + " compute units, not " + units);
    }
    Optional<String> price = Amounts.problem("the price per unit", spec.pricePerUnit());
    if (price.isPresent()) {
      return Decision.refuse(INVALID_AMOUNT, price.get());
    }
    if (spec.collateralPerUnit() < 0 || spec.collateralPerUnit() > Amounts.MAX) {
      return Decision.refuse(
          INVALID_AMOUNT,
          "the collateral per unit must be 0 to "
              + Amounts.MAX
              + ", not "
              + spec.collateralPerUnit());
    }
    if (spec.hostFunctions().stream().anyMatch(String::isBlank)) {
      return Decision.refuse(INVALID_REQUEST, "a host function name is blank");
    }
    Optional<Long> collateral = Amounts.multiply(units, spec.collateralPerUnit());
    if (collateral.isEmpty() || collateral.get() > Amounts.MAX) {
      return Decision.refuse(
          INVALID_AMOUNT, "the collateral of " + units + " units overflows the limit");
    }
    OfferId id = OfferId.of(state.offersPlaced());
    Account wallet = Account.wallet(provider.base58());
    Optional<Decision<OfferId>> poor = lacking(state, wallet, collateral.get(), "the collateral");
    if (poor.isPresent()) {
      return poor.get();
    }
    Changes changes = new Changes(state);
    changes.emit(new OfferPlaced(Offer.place(id, provider, spec)));
    changes.transfer(wallet, Account.collateral(id.value()), collateral.get(), id + " collateral");
    matcher.matchNewUnits(changes, changes.state().offers().get(id));
    return Decision.accept(changes, id);
  }

  public Decision<OfferId> repriceOffer(
      MarketState state, PeerId provider, OfferId id, long price) {
    Optional<Decision<OfferId>> refused = ownedOffer(state, provider, id, "change");
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<String> problem = Amounts.problem("the price per unit", price);
    if (problem.isPresent()) {
      return Decision.refuse(INVALID_AMOUNT, problem.get());
    }
    Changes changes = new Changes(state);
    changes.emit(new OfferRepriced(id, price));
    matcher.matchNewUnits(changes, changes.state().offers().get(id));
    return Decision.accept(changes, id);
  }

  /** Takes the offer off the market and returns its collateral; none of its units may serve. */
  public Decision<OfferId> withdrawOffer(MarketState state, PeerId provider, OfferId id) {
    Optional<Decision<OfferId>> refused = ownedOffer(state, provider, id, "withdraw");
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Offer> offer = state.offer(id);
    long serving =
        offer.get().units().stream().filter(u -> state.unitDeals().containsKey(u.id())).count();
    if (serving > 0) {
      return Decision.refuse(
          WRONG_STATE,
          id + " has " + serving + " units serving deals; it can be withdrawn when none do");
    }
    Changes changes = new Changes(state);
    changes.emit(new OfferWithdrawn(id));
    Account collateral = Account.collateral(id.value());
    changes.transfer(
        collateral,
        Account.wallet(provider.base58()),
        state.ledger().balance(collateral),
        id + " collateral returned");
    return Decision.accept(changes, id);
  }

  public Decision<DealId> openDeal(MarketState state, PeerId owner, DealSpec spec) {
    Optional<MarketError> invalid = new DealSpecCheck(settings).problem(spec);
    if (invalid.isPresent()) {
      return new Decision.Refused<>(invalid.get());
    }
    DealId id = DealId.of(state.dealsOpened());
    Account wallet = Account.wallet(owner.base58());
    Optional<Decision<DealId>> poor = lacking(state, wallet, spec.deposit(), "the deposit");
    if (poor.isPresent()) {
      return poor.get();
    }
    Changes changes = new Changes(state);
    changes.emit(new DealOpened(id, owner, spec));
    changes.transfer(wallet, Account.escrow(id.value()), spec.deposit(), id + " deposit");
    matcher.match(changes, changes.state().deals().get(id));
    return Decision.accept(changes, id);
  }

  /** More money from the owner's wallet into the deal's escrow; the result is the escrow. */
  public Decision<Long> deposit(MarketState state, PeerId owner, DealId id, long amount) {
    Optional<Decision<Long>> refused = ownedOpenDeal(state, owner, id, "deposit into");
    if (refused.isPresent()) {
      return refused.get();
    }
    Account wallet = Account.wallet(owner.base58());
    Account escrow = Account.escrow(id.value());
    Optional<Changes> moved = move(state, wallet, escrow, amount, id + " deposit", "a deposit");
    if (moved.isEmpty()) {
      return refusal(state, wallet, escrow, amount, "a deposit");
    }
    Changes changes = moved.get();
    matcher.match(changes, changes.state().deals().get(id));
    return Decision.accept(changes, changes.state().ledger().balance(escrow));
  }

  /**
   * Ends the deal now: its providers are paid for the current epoch (they served in it), the rest
   * of the escrow goes back to the owner, its services are removed.
   */
  public Decision<Long> cancelDeal(MarketState state, PeerId owner, DealId id) {
    Optional<Decision<Long>> refused = ownedOpenDeal(state, owner, id, "cancel");
    if (refused.isPresent()) {
      return refused.get();
    }
    if (state.settlementDue()) {
      return Decision.refuse(
          WRONG_STATE,
          "epoch " + state.previousEpoch() + " is being settled; cancel again in a moment");
    }
    Deal deal = state.deals().get(id);
    Changes changes = new Changes(state);
    Account escrow = Account.escrow(id.value());
    for (Assignment assignment : deal.assignments()) {
      if (assignment.servedIn(state.epoch())) {
        changes.transfer(
            escrow,
            Account.earnings(assignment.provider().base58()),
            Math.min(assignment.price(), changes.state().ledger().balance(escrow)),
            id + " epoch " + state.epoch() + " (cancelled)");
      }
    }
    Matcher.end(changes, deal, EndReason.CANCELLED);
    matcher.matchAll(changes);
    Account wallet = Account.wallet(owner.base58());
    long refund = changes.state().ledger().balance(wallet) - state.ledger().balance(wallet);
    return Decision.accept(changes, refund);
  }

  private static <T> Optional<Decision<T>> ownedOffer(
      MarketState state, PeerId provider, OfferId id, String verb) {
    Optional<Offer> offer = state.offer(id);
    if (offer.isEmpty()) {
      return Optional.of(Decision.refuse(UNKNOWN_OFFER, "no offer " + id));
    }
    if (!offer.get().provider().equals(provider)) {
      return Optional.of(
          Decision.refuse(
              NOT_AUTHORIZED,
              "only the provider "
                  + offer.get().provider()
                  + " may "
                  + verb
                  + " "
                  + id
                  + ", not "
                  + provider));
    }
    return Optional.empty();
  }

  /** A refusal when {@code wallet} holds less than {@code needed} for {@code what}. */
  private static <T> Optional<Decision<T>> lacking(
      MarketState state, Account wallet, long needed, String what) {
    long holds = state.ledger().balance(wallet);
    if (holds >= needed) {
      return Optional.empty();
    }
    return Optional.of(
        Decision.refuse(
            INSUFFICIENT_FUNDS,
            what + " is " + needed + " but wallet " + wallet + " holds " + holds));
  }

  private static <T> Optional<Decision<T>> ownedOpenDeal(
      MarketState state, PeerId owner, DealId id, String verb) {
    Optional<Deal> deal = state.deal(id);
    if (deal.isEmpty()) {
      return Optional.of(Decision.refuse(UNKNOWN_DEAL, "no deal " + id));
    }
    if (!deal.get().owner().equals(owner)) {
      return Optional.of(
          Decision.refuse(
              NOT_AUTHORIZED,
              "only the owner "
                  + deal.get().owner()
                  + " may "
                  + verb
                  + " "
                  + id
                  + ", not "
                  + owner));
    }
    if (!deal.get().isOpen()) {
      return Optional.of(
          Decision.refuse(
              WRONG_STATE, id + " has ended (" + deal.get().endReason().orElseThrow() + ")"));
    }
    return Optional.empty();
  }

  /** The transfer as changes, or empty when the amount or the ledger refuses it. */
  private static Optional<Changes> move(
      MarketState state, Account from, Account to, long amount, String memo, String what) {
    if (Amounts.problem(what, amount).isPresent()
        || state.ledger().problem(new Transfer(from, to, amount, memo)).isPresent()) {
      return Optional.empty();
    }
    Changes changes = new Changes(state);
    changes.transfer(from, to, amount, memo);
    return Optional.of(changes);
  }

  private static <T> Decision<T> refusal(
      MarketState state, Account from, Account to, long amount, String what) {
    Optional<String> problem = Amounts.problem("the amount of " + what, amount);
    if (problem.isPresent()) {
      return Decision.refuse(INVALID_AMOUNT, problem.get());
    }
    String ledger = state.ledger().problem(new Transfer(from, to, amount, what)).orElseThrow();
    return Decision.refuse(
        ledger.contains("overflow") ? INVALID_AMOUNT : INSUFFICIENT_FUNDS, what + ": " + ledger);
  }
}
