package io.gyre.marketplace.ledger;

/**
 * One movement of money: {@code amount} minor units debited from {@code from} and credited to
 * {@code to}. Every change of any balance is one of these.
 *
 * @param memo why (e.g. "deposit", "epoch 7", "slash epoch 7"), for people reading the ledger
 */
public record Transfer(Account from, Account to, long amount, String memo) {
  public Transfer {
    if (amount <= 0) {
      throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount);
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("a transfer needs two different accounts, not " + from);
    }
  }
}
