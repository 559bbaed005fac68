package io.gyre.air;

import io.gyre.air.internal.exec.Run;
import io.gyre.air.syntax.ParseCache;
import java.util.Map;

/**
 * The AIR interpreter: a pure, deterministic function of the script, this peer's previous data for
 * the particle, the data that arrived, the results of calls it asked for, and the context.
 *
 * <p>Thread-safe: instances share nothing but their parse cache. The data format, the semantics and
 * the error codes are described in the module's README.
 */
public final class Interpreter {
  private static final int PARSE_CACHE_SIZE = 256;

  /** The code of an error the interpreter did not foresee (a bug, or a value nested too deep). */
  public static final int INTERNAL_ERROR = InterpreterError.INTERNAL_ERROR;

  private final AirLimits limits;
  private final ParseCache parseCache = new ParseCache(PARSE_CACHE_SIZE);

  public Interpreter(AirLimits limits) {
    this.limits = limits;
  }

  /** Forgets every parsed script (benchmarks measure cold parses with it). */
  public void clearParseCache() {
    parseCache.clear();
  }

  public AirLimits limits() {
    return limits;
  }

  /**
   * Runs {@code script}: merges {@code incomingData} into {@code prevData} (checking the other
   * peers' signatures), replays what is known, executes what is new, and returns the new data
   * (signed by the current peer when it has next peers to go to; see the module README).
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
    try {
      return Run.execute(limits, parseCache, script, prevData, incomingData, callResults, context);
    } catch (RuntimeException | StackOverflowError e) {
      // never let a bug or a pathological value escape as an exception: the peer keeps its data
      return new Outcome(
          prevData,
          java.util.List.of(),
          java.util.List.of(),
          java.util.Optional.of(
              new InterpreterError(INTERNAL_ERROR, "internal interpreter error: " + e)));
    }
  }
}
