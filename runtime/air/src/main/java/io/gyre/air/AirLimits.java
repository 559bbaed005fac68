package io.gyre.air;

/**
 * The interpreter's limits, defaulting to AquaVM 0.62's. Going past one gives an error {@link
 * Outcome} that names the limit, never an exception.
 */
public record AirLimits(
    long maxScriptBytes, long maxDataBytes, long maxCallResultBytes, int maxStreamElements) {

  public static final AirLimits AQUAVM_DEFAULTS =
      new AirLimits(16L << 20, 64L << 20, 32L << 20, 1023);

  public AirLimits {
    if (maxScriptBytes <= 0
        || maxDataBytes <= 0
        || maxCallResultBytes <= 0
        || maxStreamElements <= 0) {
      throw new IllegalArgumentException("limits must be positive: " + this);
    }
  }
}
