package io.gyre.bench.air;

import io.gyre.air.Outcome;

/** Prints the sizes of each workload's inputs and outputs (for bench/RESULTS.md). */
public final class WorkloadSizes {
  private WorkloadSizes() {}

  public static void main(String[] args) {
    print("empty", Workloads.empty());
    print("replay-500", Workloads.replay500());
    print("fold-par-1000/emit", Workloads.foldPar1000Emit());
    print("fold-par-1000/consume", Workloads.foldPar1000Consume());
    print("merge-1mb", Workloads.merge1mb());
  }

  private static void print(String name, Workloads.Run run) {
    Outcome outcome = Workloads.must(run.on(Workloads.interpreter()), name);
    System.out.printf(
        "%-22s AIR %,d B, prev_data %,d B, data %,d B, %d call results -> out %,d B, %d call requests%n",
        name,
        run.script().length(),
        run.prevData().length,
        run.data().length,
        run.results().size(),
        outcome.data().length,
        outcome.callRequests().size());
  }
}
