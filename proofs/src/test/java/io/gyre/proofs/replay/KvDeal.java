package io.gyre.proofs.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.proofs.Fixtures;
import io.gyre.proofs.Verdict;
import io.gyre.proofs.batch.InclusionVerifier;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.SampleAnswer;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ModuleId;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider running the kv example for one deal, recording every call. */
final class KvDeal {

  static final byte[] KV = Fixtures.wasm("kv");
  static final ServiceCode CODE = ServiceCode.single("kv", KV);
  private static final AtomicInteger SERVICES = new AtomicInteger();

  final DealRecorder deal;
  final ServiceRecorder kv;
  final String serviceId;
  private int position;

  KvDeal(WasmHost host, String dealId, long epoch, ServiceLimits limits) {
    ModuleId id = host.addModule(KV);
    String blueprint = host.addBlueprint(Blueprint.single("kv", id));
    serviceId = "kv-" + SERVICES.incrementAndGet();
    Service service = host.createService(serviceId, blueprint, limits);
    deal = new DealRecorder(Fixtures.PROVIDER, dealId, epoch);
    kv = deal.open(service);
  }

  CallParameters next() {
    return Fixtures.call(serviceId, "particle-" + position, position++);
  }

  CallOutcome call(String function, String arguments) {
    return kv.call(function, arguments, next());
  }

  /** Every leaf of the batch passes inclusion and re-execution on {@code verifier}. */
  static void assertAllVerify(
      DealRecorder deal, SealedBatch batch, long epoch, ReExecutor verifier) {
    for (int i = 0; i < batch.receipts().size(); i++) {
      SampleAnswer answer = deal.answer(epoch, i).orElseThrow();
      assertTrue(
          InclusionVerifier.verify(batch.root(), batch.receipts().get(i), answer.proof())
              .accepted());
      Verdict<ReplayReason> verdict =
          verifier.verify(batch.receipts().get(i), answer.evidence(), CODE);
      assertEquals(Verdict.accept(), verdict, "leaf " + i);
    }
  }
}
