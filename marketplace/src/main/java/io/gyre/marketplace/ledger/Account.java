package io.gyre.marketplace.ledger;

/**
 * One account of the ledger: a kind and the owner it belongs to (a peer id, a deal id, an offer id;
 * empty for the two market-wide accounts). Written as {@code kind:owner}.
 */
public record Account(Kind kind, String owner) implements Comparable<Account> {
  public enum Kind {
    /** The world outside the marketplace: deposits come from it, withdrawals go to it. */
    OUTSIDE,
    /** A peer's free funds (a developer's balance; a provider's, before it locks collateral). */
    WALLET,
    /** A deal's prepaid balance, paid out epoch by epoch. */
    ESCROW,
    /** What a provider peer has earned and not yet withdrawn. */
    EARNINGS,
    /** Collateral an offer has locked. */
    COLLATERAL,
    /** Collateral taken from providers whose proofs failed. */
    SLASHED
  }

  public static final Account OUTSIDE = new Account(Kind.OUTSIDE, "");
  public static final Account SLASHED = new Account(Kind.SLASHED, "");

  public Account {
    boolean marketWide = kind == Kind.OUTSIDE || kind == Kind.SLASHED;
    if (marketWide != owner.isEmpty()) {
      throw new IllegalArgumentException(
          marketWide ? kind + " has no owner" : kind + " account needs an owner");
    }
  }

  public static Account wallet(String peer) {
    return new Account(Kind.WALLET, peer);
  }

  public static Account escrow(String deal) {
    return new Account(Kind.ESCROW, deal);
  }

  public static Account earnings(String peer) {
    return new Account(Kind.EARNINGS, peer);
  }

  public static Account collateral(String offer) {
    return new Account(Kind.COLLATERAL, offer);
  }

  /** The only account whose balance may fall below zero (it is everything paid in, negated). */
  public boolean mayGoNegative() {
    return kind == Kind.OUTSIDE;
  }

  /** Reads {@link #toString()}'s form back. */
  public static Account parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an account: " + text);
    }
    return new Account(
        Kind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
        text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + owner;
  }

  @Override
  public int compareTo(Account other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : owner.compareTo(other.owner);
  }
}
