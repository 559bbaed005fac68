package io.gyre.marketplace;

/** A refused request, as the failure of a {@link Marketplace} call; carries the typed error. */
public final class MarketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient MarketError error;

  public MarketException(MarketError error) {
    super(error.toString());
    this.error = error;
  }

  public MarketError error() {
    return error;
  }
}
