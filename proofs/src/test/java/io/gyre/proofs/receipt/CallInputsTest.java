package io.gyre.proofs.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gyre.proofs.Fixtures;
import io.gyre.wasm.CallParameters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallInputsTest {

  private static final CallParameters BASE = Fixtures.call("kv", "p-1", 3);

  private static CallInputs with(CallParameters parameters) {
    return new CallInputs("[\"k\",\"v\"]", parameters);
  }

  @Test
  void roundTripsThroughItsBytes() {
    CallInputs inputs = with(BASE);
    assertEquals(Optional.of(inputs), CallInputs.decode(inputs.encode()).toOptional());
  }

  @Test
  void everyCallParameterChangesTheHash() {
    CallParameters p = BASE;
    List<CallParameters> variants =
        List.of(
            new CallParameters(
                "x",
                p.particleId(),
                p.serviceId(),
                p.hostPeerId(),
                p.timestampMs(),
                p.callPosition(),
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                "x",
                p.serviceId(),
                p.hostPeerId(),
                p.timestampMs(),
                p.callPosition(),
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                p.particleId(),
                "x",
                p.hostPeerId(),
                p.timestampMs(),
                p.callPosition(),
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                p.particleId(),
                p.serviceId(),
                "x",
                p.timestampMs(),
                p.callPosition(),
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                p.particleId(),
                p.serviceId(),
                p.hostPeerId(),
                p.timestampMs() + 1,
                p.callPosition(),
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                p.particleId(),
                p.serviceId(),
                p.hostPeerId(),
                p.timestampMs(),
                p.callPosition() + 1,
                p.tetraplets()),
            new CallParameters(
                p.initPeerId(),
                p.particleId(),
                p.serviceId(),
                p.hostPeerId(),
                p.timestampMs(),
                p.callPosition(),
                List.of()));
    for (CallParameters variant : variants) {
      assertNotEquals(with(BASE).hash(), with(variant).hash(), variant.toString());
    }
    assertNotEquals(with(BASE).hash(), new CallInputs("[\"k\", \"v\"]", BASE).hash());
  }
}
