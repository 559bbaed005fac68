package io.gyre.bench.node;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulationResult;
import io.gyre.air.simulation.SimulationSetup;
import io.gyre.air.simulation.Simulator;
import io.gyre.identity.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cluster benchmark's particle ({@link ClusterLoad#script}) with everything but the interpreter
 * taken away: the simulator runs it over three peers with the greeting service answered at once.
 * What is left is the pure interpreter time of one particle — every run's decode, merge with
 * signature checks, execution and encode, and the signing of the data that leaves each peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HopScriptBenchmark {
  private final KeyPair p1 = KeyPair.fromSeedName("peer1");
  private final KeyPair p2 = KeyPair.fromSeedName("peer2");
  private final KeyPair p3 = KeyPair.fromSeedName("peer3");
  private final String script =
      ClusterLoad.script(List.of(p1.peerId().base58(), p2.peerId().base58(), p3.peerId().base58()));
  private long particle;

  @Benchmark
  public SimulationResult wholeParticle() {
    SimulationSetup setup =
        new SimulationSetup(
            p1,
            List.of(p2, p3),
            "bench-" + (particle++),
            System.currentTimeMillis(),
            10_000,
            0,
            1000,
            false,
            AirLimits.AQUAVM_DEFAULTS);
    SimulationResult result =
        Simulator.run(
            script,
            setup,
            call ->
                ServiceReply.now(
                    CallResult.ok(new TextNode("Hello, " + call.request().arguments() + "!"))));
    if (!result.quiescent() || !result.interpreterErrors().isEmpty()) {
      throw new IllegalStateException(
          "the particle did not run cleanly: " + result.interpreterErrors());
    }
    return result;
  }
}
