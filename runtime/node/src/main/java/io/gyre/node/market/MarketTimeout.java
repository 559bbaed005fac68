package io.gyre.node.market;

/** What a caller is told when the marketplace singleton does not answer in time. */
final class MarketTimeout {
  static final String MESSAGE =
      "the marketplace did not answer in time: is a node with gyre.node.market.enabled = on"
          + " up in this cluster?";

  private MarketTimeout() {}

  static boolean is(Throwable cause) {
    return cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof akka.pattern.AskTimeoutException;
  }
}
