package io.gyre.node.market;

/** What a caller is told when the marketplace singleton does not answer in time. */
final class MarketTimeout {
  static final String MESSAGE =
      "the marketplace does not answer: no node of this cluster with gyre.node.market.enabled"
          + " = on is up (or it did not answer in time)";

  private MarketTimeout() {}

  static boolean is(Throwable cause) {
    return cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof akka.pattern.AskTimeoutException
        || cause instanceof NoMarketNode;
  }

  /** No member of the cluster has the role that hosts the marketplace. */
  static final class NoMarketNode extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoMarketNode() {
      super(MESSAGE);
    }
  }
}
