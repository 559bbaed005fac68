package io.gyre.air;

import java.util.Map;

/**
 * The AIR interpreter: a pure, deterministic function of the script, this peer's previous data
 * for the particle, the data that arrived, the results of calls it asked for, and the context.
 *
 * <p>SCAFFOLD: the signature is fixed so other modules can build against it; the body is being
 * written on the air-core branch and replaces this one before anything lands.
 */
public final class Interpreter {
  private final AirLimits limits;

  public Interpreter(AirLimits limits) {
    this.limits = limits;
  }

  public AirLimits limits() {
    return limits;
  }

  /**
   * Runs {@code script}: merges {@code incomingData} into {@code prevData} (checking the other
   * peers' signatures), replays what is known, executes what is new, and returns the new data
   * signed by the current peer.
   *
   * @param prevData this peer's data after its last successful run on this particle (empty: none)
   * @param incomingData the data that arrived from another peer (empty: none)
   * @param callResults answers to earlier {@link CallRequest}s, by their key
   */
  public Outcome run(
      String script,
      byte[] prevData,
      byte[] incomingData,
      Map<Integer, CallResult> callResults,
      RunContext context) {
    throw new IllegalStateException("scaffold: the interpreter comes from the air-core branch");
  }
}
