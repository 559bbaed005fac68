package io.gyre.bot;

import java.time.Duration;

/**
 * What the bot asks of the marketplace and how patient it is.
 *
 * @param replicas the units (replica peers) the deal wants
 * @param minReplicas below this many the deal does not run
 * @param maxPrice the most paid per unit per epoch (minor units)
 * @param epochs how many paid epochs the deal runs for
 * @param callTtl one question to one replica: a replica that does not answer within it is passed
 *     over for the next (short, so a dead replica costs little)
 * @param matchTimeout how long to wait for the deal to be matched and its replicas to answer
 * @param refreshInterval how often the deal's units are read again (a lost unit's replacement is
 *     asked from then on)
 */
public record BotOptions(
    int replicas,
    int minReplicas,
    long maxPrice,
    int epochs,
    Duration callTtl,
    Duration matchTimeout,
    Duration refreshInterval) {
  public BotOptions {
    if (replicas < 1 || replicas > 16) {
      throw new IllegalArgumentException("bot: replicas must be 1..16, not " + replicas);
    }
    if (minReplicas < 1 || minReplicas > replicas) {
      throw new IllegalArgumentException(
          "bot: minimum replicas must be 1.." + replicas + ", not " + minReplicas);
    }
    if (maxPrice < 1) {
      throw new IllegalArgumentException("bot: the price must be at least 1, not " + maxPrice);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("bot: epochs must be at least 1, not " + epochs);
    }
    for (Duration d : new Duration[] {callTtl, matchTimeout, refreshInterval}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("bot: durations must be positive, not " + d);
      }
    }
  }

  /** 2 replicas (at least 1), price 10 for 100 epochs, a 4 s call TTL, 3 minutes to match. */
  public static BotOptions defaults() {
    return new BotOptions(
        2, 1, 10, 100, Duration.ofSeconds(4), Duration.ofMinutes(3), Duration.ofSeconds(2));
  }

  /** What the deal's escrow needs for its whole run: replicas × price × epochs. */
  public long deposit() {
    return Math.multiplyExact(Math.multiplyExact((long) replicas, maxPrice), (long) epochs);
  }

  public BotOptions withReplicas(int value, int min) {
    return new BotOptions(value, min, maxPrice, epochs, callTtl, matchTimeout, refreshInterval);
  }

  public BotOptions withPrice(long value) {
    return new BotOptions(
        replicas, minReplicas, value, epochs, callTtl, matchTimeout, refreshInterval);
  }

  public BotOptions withEpochs(int value) {
    return new BotOptions(
        replicas, minReplicas, maxPrice, value, callTtl, matchTimeout, refreshInterval);
  }

  public BotOptions withCallTtl(Duration value) {
    return new BotOptions(
        replicas, minReplicas, maxPrice, epochs, value, matchTimeout, refreshInterval);
  }

  public BotOptions withMatchTimeout(Duration value) {
    return new BotOptions(replicas, minReplicas, maxPrice, epochs, callTtl, value, refreshInterval);
  }

  public BotOptions withRefreshInterval(Duration value) {
    return new BotOptions(replicas, minReplicas, maxPrice, epochs, callTtl, matchTimeout, value);
  }
}
