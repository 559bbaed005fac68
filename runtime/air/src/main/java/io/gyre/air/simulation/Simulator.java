package io.gyre.air.simulation;

/**
 * An in-memory network of peers that runs one particle to quiescence: each peer keeps its own data
 * and merges what arrives; delivery order follows the setup's seed; time is virtual.
 *
 * <p>SCAFFOLD: the signature is fixed so other modules can build against it; the body is being
 * written on the air-core branch and replaces this one before anything lands.
 */
public final class Simulator {
  private Simulator() {}

  public static SimulationResult run(String script, SimulationSetup setup, ServiceHost services) {
    throw new IllegalStateException("scaffold: the simulator comes from the air-core branch");
  }
}
