package io.gyre.air.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.identity.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final KeyPair INIT = KeyPair.fromSeedName("init");
  private static final KeyPair ALICE = KeyPair.fromSeedName("alice");
  private static final KeyPair BOB = KeyPair.fromSeedName("bob");
  private static final KeyPair EVE = KeyPair.fromSeedName("eve");

  private static SimulationSetup setup(long seed, long ttl) {
    return new SimulationSetup(
        INIT, List.of(ALICE, BOB), "sim", 1_000, ttl, seed, 100, false, AirLimits.AQUAVM_DEFAULTS);
  }

  private static String id(KeyPair k) {
    return "\"" + k.peerId().base58() + "\"";
  }

  @Test
  void runsAParticleAcrossPeersToQuiescence() {
    String air =
        "(seq (par (seq (call "
            + id(ALICE)
            + " (\"svc\" \"who\") [] a) (call %init_peer_id% (\"svc\" \"got\") [a]))"
            + " (seq (call "
            + id(BOB)
            + " (\"svc\" \"who\") [] b) (call %init_peer_id% (\"svc\" \"got\") [b])))"
            + " (call %init_peer_id% (\"svc\" \"both\") [a b]))";
    for (long seed = 0; seed < 5; seed++) {
      SimulationResult result =
          Simulator.run(
              air,
              setup(seed, 10_000),
              call -> ServiceReply.now(CallResult.ok(NODES.textNode(call.peerId()))));
      assertTrue(result.quiescent());
      assertTrue(result.interpreterErrors().isEmpty());
      List<String> both = new ArrayList<>();
      for (SimulationResult.Call call : result.calls()) {
        if (call.functionName().equals("both")) {
          call.args().forEach(a -> both.add(a.asText()));
        }
      }
      assertEquals(List.of(ALICE.peerId().base58(), BOB.peerId().base58()), both, "seed " + seed);
    }
  }

  @Test
  void delaysAdvanceAVirtualClockAndTtlIsCheckedAgainstIt() {
    String air =
        "(seq (call %init_peer_id% (\"peer\" \"timeout\") [5000]) (call %init_peer_id% (\"svc\" \"after\") []))";
    ServiceHost host =
        call ->
            call.request().functionName().equals("timeout")
                ? new ServiceReply(CallResult.ok(NODES.textNode("late")), 5_000)
                : ServiceReply.now(CallResult.ok(NODES.textNode("x")));
    long started = System.nanoTime();
    SimulationResult inTime = Simulator.run(air, setup(0, 10_000), host);
    assertTrue(System.nanoTime() - started < 4_000_000_000L, "nothing sleeps");
    assertEquals(2, inTime.calls().size());
    SimulationResult expired = Simulator.run(air, setup(0, 1_000), host);
    assertEquals(1, expired.calls().size());
    assertEquals(40000, expired.interpreterErrors().get(0).retCode());
  }

  @Test
  void sendsOutsideTheNetworkAreUndeliveredAndFailedRunsKeepNothing() {
    ServiceHost failing = call -> ServiceReply.now(CallResult.error(1, NODES.textNode("no")));
    SimulationResult undelivered =
        Simulator.run("(call " + id(EVE) + " (\"svc\" \"f\") [])", setup(0, 10_000), failing);
    assertEquals(1, undelivered.undelivered().size());
    assertEquals(EVE.peerId().base58(), undelivered.undelivered().get(0).toPeerId());
    String air =
        "(seq (call %init_peer_id% (\"svc\" \"boom\") []) (call "
            + id(ALICE)
            + " (\"svc\" \"f\") []))";
    SimulationResult result = Simulator.run(air, setup(0, 10_000), failing);
    assertEquals(1, result.interpreterErrors().size());
    assertEquals(10000, result.interpreterErrors().get(0).retCode());
    assertFalse(
        result.calls().stream().anyMatch(c -> c.peerId().equals(ALICE.peerId().base58())),
        "nothing sent after a failed run");
  }
}
