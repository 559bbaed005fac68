package io.gyre.node.market;

/** What a caller is told when the marketplace singleton cannot answer. */
final class MarketTimeout {
  static final String MESSAGE =
      "the marketplace did not answer in time (is its node, gyre.node.market.enabled = on, up?)";

  private MarketTimeout() {}

  static boolean is(Throwable cause) {
    return cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof akka.pattern.AskTimeoutException;
  }

  /** No member of the cluster has the role that hosts the marketplace: there is none to ask. */
  static final class NoMarketNode extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoMarketNode() {
      super(
          "no marketplace on this peer: no node of this cluster with gyre.node.market.enabled"
              + " = on is up");
    }
  }
}
