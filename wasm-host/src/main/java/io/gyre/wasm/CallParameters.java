package io.gyre.wasm;

import java.util.List;

/**
 * The inputs of a call besides its arguments. They are what makes a call reproducible: WASI's
 * clocks read {@code timestampMs}, its random source is seeded from {@code particleId} and {@code
 * callPosition}, and modules may read them all through {@code gyre.call_parameters}.
 *
 * @param callPosition which call this is within the particle on this peer (0, 1, …), so two calls
 *     of one particle see different random streams
 * @param tetraplets one list per argument: where that argument came from
 */
public record CallParameters(
    String initPeerId,
    String particleId,
    String serviceId,
    String hostPeerId,
    long timestampMs,
    int callPosition,
    List<List<Tetraplet>> tetraplets) {

  public CallParameters {
    tetraplets = tetraplets.stream().map(List::copyOf).toList();
  }

  /** Parameters for a call made outside any particle (the CLI, tests). */
  public static CallParameters local(String serviceId, long timestampMs) {
    return new CallParameters("local", "local", serviceId, "local", timestampMs, 0, List.of());
  }
}
