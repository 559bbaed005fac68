package io.gyre.marketplace.ledger;

import java.util.Optional;

/**
 * Amounts are {@code long} minor units. This is where they are checked and where arithmetic that
 * could overflow is done, reporting overflow instead of wrapping around.
 */
public final class Amounts {
  /** The largest amount one operation may name: 10^15 minor units. Anything above is absurd. */
  public static final long MAX = 1_000_000_000_000_000L;

  private Amounts() {}

  /** Why {@code amount} cannot be used as {@code what}, or empty when it can. */
  public static Optional<String> problem(String what, long amount) {
    if (amount <= 0) {
      return Optional.of(what + " must be positive, not " + amount);
    }
    if (amount > MAX) {
      return Optional.of(what + " " + amount + " is above the limit of " + MAX + " minor units");
    }
    return Optional.empty();
  }

  /** {@code a + b}, or empty when the sum does not fit in a long. */
  public static Optional<Long> add(long a, long b) {
    try {
      return Optional.of(Math.addExact(a, b));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** {@code a × b}, or empty when the product does not fit in a long. */
  public static Optional<Long> multiply(long a, long b) {
    try {
      return Optional.of(Math.multiplyExact(a, b));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }
}
