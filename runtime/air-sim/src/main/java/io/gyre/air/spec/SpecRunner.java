package io.gyre.air.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.simulation.SimulationResult;
import io.gyre.air.simulation.Simulator;

/** Runs a SPEC in Gyre's simulator and reports it as run-air does. */
public final class SpecRunner {
  private SpecRunner() {}

  /**
   * One simulated run under a delivery seed (0: run-air's FIFO order).
   *
   * @param withTrace include the per-step {@code trace}
   */
  public static ObjectNode run(SimulationSpec spec, long seed, boolean withTrace) {
    SpecServiceHost host = spec.newServiceHost();
    SimulationResult result = Simulator.run(spec.air(), spec.setup(seed), host);
    return RunReport.of(spec, result, host, withTrace);
  }
}
