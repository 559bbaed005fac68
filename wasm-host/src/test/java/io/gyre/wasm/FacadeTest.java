package io.gyre.wasm;

import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static io.gyre.wasm.Examples.wasm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A service of two modules: the shout facade imports greeting's greet by name. */
class FacadeTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  private static Service shoutService(String id, ServiceLimits limits) {
    Blueprint blueprint =
        new Blueprint(
            "shout",
            List.of(
                new BlueprintModule("greeting", HOST.addModule(wasm("greeting"))),
                new BlueprintModule("shout", HOST.addModule(wasm("shout")))),
            EnumSet.allOf(HostCapability.class));
    return HOST.createService(id, HOST.addBlueprint(blueprint), limits);
  }

  @Test
  void theFacadeCallsItsHelperWithJson() {
    Service service = shoutService("shout-1", ServiceLimits.DEFAULT);
    assertEquals("\"HELLO, BOB!\"", resultText(service.call("shout", "[\"Bob\"]", params())));
    assertEquals("shout", service.facade().functions().get(0).name());
  }

  @Test
  void fuelSpentInTheHelperCountsForTheCall() {
    Service service = shoutService("shout-2", ServiceLimits.DEFAULT);
    CallOutcome whole = service.call("shout", "[\"Bob\"]", params());
    Service greetingAlone = Examples.deploy(HOST, "greeting");
    CallOutcome helperOnly = greetingAlone.call("greet", "[\"Bob\"]", params());
    assertTrue(
        whole.fuelUsed() > helperOnly.fuelUsed(),
        "the facade's fuel "
            + whole.fuelUsed()
            + " includes the helper's "
            + helperOnly.fuelUsed());
  }

  @Test
  void theFuelLimitCoversBothModules() {
    Service service = shoutService("shout-3", ServiceLimits.DEFAULT);
    long needed = service.call("shout", "[\"Bob\"]", params()).fuelUsed();
    Service tight = shoutService("shout-4", ServiceLimits.DEFAULT.withFuel(needed - 1));
    CallError error = Examples.error(tight.call("shout", "[\"Bob\"]", params()));
    assertEquals(CallError.Kind.FUEL_LIMIT, error.kind());
    Service exact = shoutService("shout-5", ServiceLimits.DEFAULT.withFuel(needed));
    assertEquals("\"HELLO, BOB!\"", resultText(exact.call("shout", "[\"Bob\"]", params())));
  }
}
