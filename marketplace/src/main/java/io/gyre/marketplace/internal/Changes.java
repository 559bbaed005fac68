package io.gyre.marketplace.internal;

import io.gyre.marketplace.MarketEvent;
import io.gyre.marketplace.MarketEvent.Transferred;
import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Transfer;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a decision emits, each applied at once to a working state so later steps of the same
 * decision see it. Lives only inside one decision.
 */
final class Changes {
  private final List<MarketEvent> events = new ArrayList<>();
  private MarketState state;

  Changes(MarketState state) {
    this.state = state;
  }

  MarketState state() {
    return state;
  }

  void emit(MarketEvent event) {
    events.add(event);
    state = state.apply(event);
  }

  /** Moves {@code amount} (when positive) from one account to another. */
  void transfer(Account from, Account to, long amount, String memo) {
    if (amount > 0) {
      emit(new Transferred(new Transfer(from, to, amount, memo)));
    }
  }

  List<MarketEvent> events() {
    return List.copyOf(events);
  }
}
