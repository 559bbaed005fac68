package io.gyre.wasm;

import java.time.Duration;

/**
 * What one call of a service may use. Breaking a limit fails the call with a {@link CallError} that
 * names it (wasm-host/README.md, "Limits").
 *
 * @param fuel metering units per call (see the README for what one unit is)
 * @param memoryPages the most 64 KiB pages each module's memory may grow to
 * @param wallTime the backstop on real time per call
 * @param stackDepth the most nested wasm function calls
 * @param outputBytes the most bytes of result, and separately of log, per call
 */
public record ServiceLimits(
    long fuel, int memoryPages, Duration wallTime, int stackDepth, int outputBytes) {

  /** The largest stack depth a call thread's stack is sized for. */
  public static final int MAX_STACK_DEPTH = 50_000;

  public static final ServiceLimits DEFAULT =
      new ServiceLimits(10_000_000_000L, 1024, Duration.ofSeconds(10), 5_000, 4 << 20);

  public ServiceLimits {
    if (fuel <= 0) {
      throw new IllegalArgumentException("fuel limit must be positive: " + fuel);
    }
    if (memoryPages <= 0 || memoryPages > 65536) {
      throw new IllegalArgumentException("memory limit must be 1..65536 pages: " + memoryPages);
    }
    if (wallTime.isNegative() || wallTime.isZero()) {
      throw new IllegalArgumentException("wall time limit must be positive: " + wallTime);
    }
    if (stackDepth <= 0 || stackDepth > MAX_STACK_DEPTH) {
      throw new IllegalArgumentException(
          "stack depth limit must be 1.." + MAX_STACK_DEPTH + ": " + stackDepth);
    }
    if (outputBytes <= 0) {
      throw new IllegalArgumentException("output limit must be positive: " + outputBytes);
    }
  }

  public ServiceLimits withFuel(long value) {
    return new ServiceLimits(value, memoryPages, wallTime, stackDepth, outputBytes);
  }

  public ServiceLimits withMemoryPages(int value) {
    return new ServiceLimits(fuel, value, wallTime, stackDepth, outputBytes);
  }

  public ServiceLimits withWallTime(Duration value) {
    return new ServiceLimits(fuel, memoryPages, value, stackDepth, outputBytes);
  }

  public ServiceLimits withStackDepth(int value) {
    return new ServiceLimits(fuel, memoryPages, wallTime, value, outputBytes);
  }

  public ServiceLimits withOutputBytes(int value) {
    return new ServiceLimits(fuel, memoryPages, wallTime, stackDepth, value);
  }
}
