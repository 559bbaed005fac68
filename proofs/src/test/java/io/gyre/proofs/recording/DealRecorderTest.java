package io.gyre.proofs.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.proofs.Fixtures;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.sampling.Sampler;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DealRecorderTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  private static Service greeting(String id) {
    String blueprint =
        HOST.addBlueprint(Blueprint.single("greeting", HOST.addModule(Fixtures.wasm("greeting"))));
    return HOST.createService(id, blueprint, ServiceLimits.DEFAULT);
  }

  @Test
  void aBatchHoldsTheEpochsCallsServiceByServiceInCallOrder() {
    DealRecorder deal = new DealRecorder(Fixtures.PROVIDER, "deal-r", 4);
    ServiceRecorder b = deal.open(greeting("rec-b"));
    ServiceRecorder a = deal.open(greeting("rec-a"));
    b.call("greet", "[\"1\"]", Fixtures.call("rec-b", "p", 0));
    a.call("greet", "[\"2\"]", Fixtures.call("rec-a", "p", 1));
    b.call("greet", "[\"3\"]", Fixtures.call("rec-b", "p", 2));
    SealedBatch batch = deal.seal(5);
    List<Receipt> receipts = batch.receipts();
    assertEquals(
        List.of("rec-a", "rec-b", "rec-b"), receipts.stream().map(Receipt::serviceId).toList());
    assertEquals(List.of(0L, 0L, 1L), receipts.stream().map(Receipt::sequence).toList());
    assertEquals(receipts.get(1).hash(), receipts.get(2).previous());
    assertTrue(batch.root().signatureValid());
    assertEquals(4, batch.root().root().epoch());
    assertEquals(5, deal.epoch());
  }

  @Test
  void anEpochWithoutCallsSealsAnEmptyBatchThatNobodySamples() {
    DealRecorder deal = new DealRecorder(Fixtures.PROVIDER, "deal-e", 1);
    deal.open(greeting("rec-empty"));
    SealedBatch batch = deal.seal(2);
    assertEquals(0, batch.root().root().leafCount());
    assertEquals(List.of(), Sampler.sample(Fixtures.randomness("r"), batch.root().root(), 5));
    assertEquals(Optional.empty(), deal.answer(1, 0));
  }

  @Test
  void forgottenEpochsAreNotAnsweredAndEpochsOnlyMoveForward() {
    DealRecorder deal = new DealRecorder(Fixtures.PROVIDER, "deal-f", 1);
    ServiceRecorder s = deal.open(greeting("rec-f"));
    s.call("greet", "[\"1\"]", Fixtures.call("rec-f", "p", 0));
    deal.seal(2);
    s.call("greet", "[\"2\"]", Fixtures.call("rec-f", "p", 1));
    deal.seal(3);
    assertTrue(deal.answer(1, 0).isPresent());
    deal.forget(2);
    assertEquals(Optional.empty(), deal.answer(1, 0));
    assertTrue(deal.answer(2, 0).isPresent(), "the current segment is kept");
    assertEquals(Optional.empty(), deal.answer(3, 0), "not sealed yet");
    assertThrows(IllegalArgumentException.class, () -> deal.seal(3));
    assertThrows(IllegalArgumentException.class, () -> deal.open(s.service()));
  }
}
