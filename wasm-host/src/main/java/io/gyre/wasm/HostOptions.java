package io.gyre.wasm;

/**
 * How a {@link WasmHost} runs modules.
 *
 * @param mode compiled (default) or interpreted
 * @param fuelMetering instrument modules with fuel and depth metering (default on; off only to
 *     measure what metering costs — calls then report 0 fuel and the depth limit is the JVM's)
 * @param callThreads how many calls may run at once on the host's own call threads
 * @param callStackBytes the stack size of each call thread
 * @param runOnCallerThread run calls on the caller's thread instead of handing them to a call
 *     thread; only for callers whose threads have stacks of {@code callStackBytes} (for example
 *     made by {@link WasmHost#callThreadFactory()}) — calls from those run directly anyway
 */
public record HostOptions(
    ExecutionMode mode,
    boolean fuelMetering,
    int callThreads,
    long callStackBytes,
    boolean runOnCallerThread) {

  public static final HostOptions DEFAULT =
      new HostOptions(
          ExecutionMode.COMPILED,
          true,
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          256L << 20,
          false);

  public HostOptions {
    if (callThreads <= 0) {
      throw new IllegalArgumentException("callThreads must be positive: " + callThreads);
    }
  }

  public HostOptions withMode(ExecutionMode value) {
    return new HostOptions(value, fuelMetering, callThreads, callStackBytes, runOnCallerThread);
  }

  public HostOptions withFuelMetering(boolean value) {
    return new HostOptions(mode, value, callThreads, callStackBytes, runOnCallerThread);
  }

  public HostOptions withRunOnCallerThread(boolean value) {
    return new HostOptions(mode, fuelMetering, callThreads, callStackBytes, value);
  }
}
