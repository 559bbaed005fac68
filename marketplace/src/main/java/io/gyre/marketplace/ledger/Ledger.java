package io.gyre.marketplace.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * Double-entry balances, immutable: {@link #post} returns a new ledger. Every account starts at
 * zero; only {@link Account#OUTSIDE} may go below it, so the sum of all balances is always zero —
 * money is only ever moved, never made or destroyed.
 */
public final class Ledger {
  public static final Ledger EMPTY = new Ledger(HashTreePMap.empty());

  private final PMap<Account, Long> balances;

  private Ledger(PMap<Account, Long> balances) {
    this.balances = balances;
  }

  public long balance(Account account) {
    return balances.getOrDefault(account, 0L);
  }

  /** Why {@code transfer} cannot be posted (an overdraft, an overflow), or empty when it can. */
  public Optional<String> problem(Transfer transfer) {
    long available = balance(transfer.from());
    if (!transfer.from().mayGoNegative() && available < transfer.amount()) {
      return Optional.of(
          "account "
              + transfer.from()
              + " holds "
              + available
              + ", less than the "
              + transfer.amount()
              + " asked for");
    }
    if (Amounts.add(balance(transfer.to()), transfer.amount()).isEmpty()) {
      return Optional.of("account " + transfer.to() + " would overflow");
    }
    if (Amounts.add(available, -transfer.amount()).isEmpty()) {
      return Optional.of("account " + transfer.from() + " would overflow");
    }
    return Optional.empty();
  }

  /**
   * The ledger after {@code transfer}. A transfer recorded as a fact is posted even if it would now
   * be refused; arithmetic still never wraps around.
   */
  public Ledger post(Transfer transfer) {
    long from = Math.subtractExact(balance(transfer.from()), transfer.amount());
    long to = Math.addExact(balance(transfer.to()), transfer.amount());
    return new Ledger(set(set(balances, transfer.from(), from), transfer.to(), to));
  }

  private static PMap<Account, Long> set(PMap<Account, Long> map, Account account, long value) {
    return value == 0 ? map.minus(account) : map.plus(account, value);
  }

  /** Every account with a balance other than zero, in account order. */
  public SortedMap<Account, Long> balances() {
    return new TreeMap<>(balances);
  }

  /** Restores a ledger from its balances (a snapshot); they must sum to zero. */
  public static Ledger of(Map<Account, Long> balances) {
    long sum = 0;
    for (long value : balances.values()) {
      sum = Math.addExact(sum, value);
    }
    if (sum != 0) {
      throw new IllegalArgumentException("ledger balances sum to " + sum + ", not zero");
    }
    PMap<Account, Long> map = HashTreePMap.empty();
    for (Map.Entry<Account, Long> entry : balances.entrySet()) {
      map = set(map, entry.getKey(), entry.getValue());
    }
    return new Ledger(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ledger that && balances.equals(that.balances);
  }

  @Override
  public int hashCode() {
    return balances.hashCode();
  }

  @Override
  public String toString() {
    return balances().toString();
  }
}
