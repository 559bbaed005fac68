package io.gyre.node.relay;

/**
 * A rate limit: {@code rate} tokens a second, at most {@code burst} saved up. Not thread-safe: one
 * client's link owns its bucket. Time comes from the caller, so the rule is testable without
 * waiting.
 */
final class TokenBucket {
  private final double ratePerMs;
  private final double burst;
  private double tokens;
  private long lastMs;

  TokenBucket(double ratePerSecond, int burst, long nowMs) {
    this.ratePerMs = ratePerSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Takes one token if there is one. */
  boolean take(long nowMs) {
    if (nowMs > lastMs) {
      tokens = Math.min(burst, tokens + (nowMs - lastMs) * ratePerMs);
      lastMs = nowMs;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
