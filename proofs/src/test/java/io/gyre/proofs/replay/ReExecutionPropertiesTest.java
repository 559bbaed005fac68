package io.gyre.proofs.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.proofs.Fixtures;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.sampling.Sampler;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/** Random kv call sequences: honest batches always verify; one forged call is always caught. */
class ReExecutionPropertiesTest {

  private static final WasmHost PROVIDER_HOST = WasmHost.create();
  private static final WasmHost VERIFIER_HOST = WasmHost.create();
  private static final ReExecutor VERIFIER = new ReExecutor(VERIFIER_HOST);

  @AfterContainer
  static void close() {
    PROVIDER_HOST.close();
    VERIFIER_HOST.close();
  }

  private static String[] randomCall(Random random) {
    String key = "\"k" + random.nextInt(4) + "\"";
    return switch (random.nextInt(3)) {
      case 0 -> new String[] {"put", "[" + key + ", \"v" + random.nextInt(100) + "\"]"};
      case 1 -> new String[] {"get", "[" + key + "]"};
      default -> new String[] {"size", "[]"};
    };
  }

  @Property(tries = 12)
  void sampledReceiptsOfAnHonestProviderVerify(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int calls) {
    Random random = new Random(seed);
    KvDeal kv = new KvDeal(PROVIDER_HOST, "deal-p", 10, ServiceLimits.DEFAULT);
    for (int i = 0; i < calls; i++) {
      String[] call = randomCall(random);
      kv.call(call[0], call[1]);
    }
    SealedBatch batch = kv.deal.seal(11);
    for (long index : Sampler.sample(Fixtures.randomness("r" + seed), batch.root().root(), 4)) {
      ReplayEvidence evidence = kv.deal.answer(10, index).orElseThrow().evidence();
      assertEquals(
          Optional.empty(),
          VERIFIER.verify(batch.receipts().get((int) index), evidence, KvDeal.CODE).reason());
    }
  }

  @Property(tries = 12)
  void aForgedResultIsCaughtByEverySampleThatReplaysIt(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 15) int calls,
      @ForAll @IntRange(min = 0, max = 100) int forgeAt) {
    Random random = new Random(seed);
    KvDeal kv = new KvDeal(PROVIDER_HOST, "deal-p", 10, ServiceLimits.DEFAULT);
    int forged = forgeAt % calls;
    for (int i = 0; i < calls; i++) {
      String[] call = randomCall(random);
      if (i == forged) {
        CallParameters parameters = kv.next();
        CallOutcome real = kv.kv.service().call(call[0], call[1], parameters);
        kv.kv.record(
            call[0],
            call[1],
            parameters,
            new CallOutcome.Success(TextNode.valueOf("forged"), real.fuelUsed(), List.of()));
      } else {
        kv.call(call[0], call[1]);
      }
    }
    SealedBatch batch = kv.deal.seal(11);
    for (int index = 0; index < calls; index++) {
      ReplayEvidence evidence = kv.deal.answer(10, index).orElseThrow().evidence();
      Optional<ReplayReason> reason =
          VERIFIER.verify(batch.receipts().get(index), evidence, KvDeal.CODE).reason();
      assertEquals(
          index >= forged ? Optional.of(ReplayReason.RESULT_MISMATCH) : Optional.empty(),
          reason,
          "sample " + index + ", forged " + forged);
    }
  }
}
