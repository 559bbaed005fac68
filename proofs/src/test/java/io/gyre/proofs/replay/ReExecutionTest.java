package io.gyre.proofs.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Fixtures;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.CallInputs;
import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.OutcomeStatus;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.recording.SampleAnswer;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Re-execution of the kv example, a service that keeps state: a sampled call is checked by
 * replaying its predecessors from the chain's checkpoint in the verifier's own host.
 */
class ReExecutionTest {

  private static final WasmHost PROVIDER_HOST = WasmHost.create();
  private static final WasmHost VERIFIER_HOST = WasmHost.create();
  private static final ReExecutor VERIFIER = new ReExecutor(VERIFIER_HOST);
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void close() {
    PROVIDER_HOST.close();
    VERIFIER_HOST.close();
  }

  private static KvDeal deal() {
    return new KvDeal(PROVIDER_HOST, "deal-1", 1, ServiceLimits.DEFAULT);
  }

  private static Optional<ReplayReason> verify(SealedBatch batch, int index, ReplayEvidence e) {
    return VERIFIER.verify(batch.receipts().get(index), e, KvDeal.CODE).reason();
  }

  @Test
  void everyCallOfAStatefulServiceReExecutesFromItsPredecessors() {
    KvDeal kv = deal();
    kv.call("put", "[\"a\", \"1\"]");
    kv.call("put", "[\"b\", \"2\"]");
    assertEquals("[\"1\"]", ((CallOutcome.Success) kv.call("get", "[\"a\"]")).result().toString());
    kv.call("size", "[]");
    kv.call("get", "[42]"); // refused by the manifest's types: a failure is receipted too
    SealedBatch batch = kv.deal.seal(2);
    assertEquals(5, batch.receipts().size());
    assertEquals(OutcomeStatus.BAD_ARGUMENTS, batch.receipts().get(4).status());
    KvDeal.assertAllVerify(kv.deal, batch, 1, VERIFIER);
    SampleAnswer answer = kv.deal.answer(1, 2).orElseThrow();
    assertEquals(3, answer.evidence().calls().size(), "get(a) needs both puts before it");
    SampleAnswer decoded = SampleAnswer.decode(answer.encode()).toOptional().orElseThrow();
    assertEquals(Optional.empty(), verify(batch, 2, decoded.evidence()));
  }

  @Test
  void aChainSpansEpochs() {
    KvDeal kv = deal();
    kv.call("put", "[\"a\", \"1\"]");
    kv.deal.seal(2);
    kv.call("get", "[\"a\"]");
    SealedBatch second = kv.deal.seal(3);
    assertEquals(2, second.receipts().get(0).epoch());
    assertEquals(2, kv.deal.answer(2, 0).orElseThrow().evidence().calls().size());
    KvDeal.assertAllVerify(kv.deal, second, 2, VERIFIER);
  }

  @Test
  void aForgedResultIsFoundEvenWhenOnlyALaterCallIsSampled() throws Exception {
    KvDeal kv = deal();
    CallParameters put = kv.next();
    CallOutcome real = kv.kv.service().call("put", "[\"a\", \"1\"]", put);
    // The provider receipts a result it did not compute, then serves a call after it.
    kv.kv.record(
        "put",
        "[\"a\", \"1\"]",
        put,
        new CallOutcome.Success(JSON.readTree("false"), real.fuelUsed(), List.of()));
    kv.call("get", "[\"a\"]");
    SealedBatch batch = kv.deal.seal(2);
    ReplayEvidence evidence = kv.deal.answer(1, 1).orElseThrow().evidence();
    ReplayEvidence first = kv.deal.answer(1, 0).orElseThrow().evidence();
    assertEquals(Optional.of(ReplayReason.RESULT_MISMATCH), verify(batch, 1, evidence));
    assertEquals(Optional.of(ReplayReason.RESULT_MISMATCH), verify(batch, 0, first));
  }

  @Test
  void forgedFuelIsFound() {
    KvDeal kv = deal();
    CallParameters put = kv.next();
    CallOutcome real = kv.kv.service().call("put", "[\"a\", \"1\"]", put);
    CallOutcome.Success success = (CallOutcome.Success) real;
    kv.kv.record(
        "put",
        "[\"a\", \"1\"]",
        put,
        new CallOutcome.Success(success.result(), success.fuelUsed() * 2, List.of()));
    SealedBatch batch = kv.deal.seal(2);
    assertEquals(
        Optional.of(ReplayReason.FUEL_MISMATCH),
        verify(batch, 0, kv.deal.answer(1, 0).orElseThrow().evidence()));
  }

  @Test
  void aResetStartsANewCheckpointSoReplaysStartThere() {
    long small = fuelOf("put", "[\"k\", \"v\"]");
    long large = fuelOf("put", "[\"k\", \"" + "x".repeat(20_000) + "\"]");
    assertTrue(large > 2 * small, small + " vs " + large);
    KvDeal kv =
        new KvDeal(PROVIDER_HOST, "deal-1", 1, ServiceLimits.DEFAULT.withFuel((small + large) / 2));
    kv.call("put", "[\"a\", \"1\"]");
    CallOutcome broke = kv.call("put", "[\"b\", \"" + "x".repeat(20_000) + "\"]");
    assertTrue(((CallOutcome.Failure) broke).instanceReset());
    kv.call("put", "[\"c\", \"3\"]");
    assertEquals("[]", ((CallOutcome.Success) kv.call("get", "[\"a\"]")).result().toString());
    SealedBatch batch = kv.deal.seal(2);
    KvDeal.assertAllVerify(kv.deal, batch, 1, VERIFIER);
    ReplayEvidence last = kv.deal.answer(1, 3).orElseThrow().evidence();
    assertEquals(2, last.anchor().sequence());
    assertTrue(last.anchor().initialState());
    assertEquals(2, last.calls().size(), "replay starts after the reset");
  }

  private static long fuelOf(String function, String arguments) {
    KvDeal scratch = deal();
    return scratch.call(function, arguments).fuelUsed();
  }

  @Test
  void evidenceThatIsNotOneUnbrokenPieceOfTheChainIsRejected() {
    KvDeal kv = deal();
    kv.call("put", "[\"a\", \"1\"]");
    kv.call("put", "[\"b\", \"2\"]");
    kv.call("get", "[\"b\"]");
    SealedBatch batch = kv.deal.seal(2);
    ReplayEvidence full = kv.deal.answer(1, 2).orElseThrow().evidence();
    List<ReplayedCall> calls = full.calls();

    ReplayEvidence skipped =
        new ReplayEvidence(full.anchor(), full.snapshot(), calls.subList(1, calls.size()));
    assertEquals(Optional.of(ReplayReason.BROKEN_CHAIN), verify(batch, 2, skipped));

    List<ReplayedCall> swapped = new ArrayList<>(calls);
    swapped.set(0, calls.get(1));
    swapped.set(1, calls.get(0));
    assertEquals(
        Optional.of(ReplayReason.BROKEN_CHAIN),
        verify(batch, 2, new ReplayEvidence(full.anchor(), full.snapshot(), swapped)));

    List<ReplayedCall> otherInputs = new ArrayList<>(calls);
    ReplayedCall first = calls.get(0);
    otherInputs.set(
        0,
        new ReplayedCall(
            first.receipt(), new CallInputs("[\"a\", \"2\"]", first.inputs().parameters())));
    assertEquals(
        Optional.of(ReplayReason.INPUTS_MISMATCH),
        verify(batch, 2, new ReplayEvidence(full.anchor(), full.snapshot(), otherInputs)));

    assertEquals(Optional.of(ReplayReason.NOT_THE_SAMPLE), verify(batch, 1, full));
    assertEquals(
        Optional.of(ReplayReason.MALFORMED),
        VERIFIER
            .verify(
                batch.receipts().get(0),
                new ReplayEvidence(full.anchor(), full.snapshot(), List.of()),
                KvDeal.CODE)
            .reason());
  }

  @Test
  void evidenceMixingServicesOrCodeIsRejected() {
    KvDeal kv = deal();
    KvDeal other = deal();
    kv.call("put", "[\"a\", \"1\"]");
    other.call("put", "[\"a\", \"1\"]");
    SealedBatch batch = kv.deal.seal(2);
    other.deal.seal(2);
    ReplayEvidence mine = kv.deal.answer(1, 0).orElseThrow().evidence();
    ReplayEvidence theirs = other.deal.answer(1, 0).orElseThrow().evidence();
    assertEquals(
        Optional.of(ReplayReason.OTHER_SERVICE),
        verify(batch, 0, new ReplayEvidence(theirs.anchor(), Optional.empty(), mine.calls())));
    assertEquals(
        Optional.of(ReplayReason.CODE_MISMATCH),
        VERIFIER
            .verify(
                batch.receipts().get(0), mine, ServiceCode.single("kv", Fixtures.wasm("greeting")))
            .reason());
    ServiceCode wrongBytes =
        new ServiceCode(KvDeal.CODE.blueprint(), List.of(Fixtures.wasm("greeting")));
    assertEquals(
        Optional.of(ReplayReason.CODE_MISMATCH),
        VERIFIER.verify(batch.receipts().get(0), mine, wrongBytes).reason());
    ReExecutor short1 =
        new ReExecutor(
            VERIFIER_HOST, Optional.empty(), new ReplayOptions(1, Duration.ofSeconds(10)));
    kv.call("get", "[\"a\"]");
    SealedBatch next = kv.deal.seal(3);
    assertEquals(
        Optional.of(ReplayReason.REPLAY_TOO_LONG),
        short1
            .verify(
                next.receipts().get(0), kv.deal.answer(2, 0).orElseThrow().evidence(), KvDeal.CODE)
            .reason());
  }

  @Test
  void aSnapshotCheckpointShortensTheReplay() {
    KvDeal kv = deal();
    List<ScriptedStates.Step> script = new ArrayList<>();
    for (String[] put : new String[][] {{"a", "1"}, {"b", "2"}}) {
      String args = "[\"" + put[0] + "\", \"" + put[1] + "\"]";
      CallParameters parameters = kv.next();
      kv.kv.call("put", args, parameters);
      script.add(new ScriptedStates.Step("put", new CallInputs(args, parameters)));
    }
    ScriptedStates states = new ScriptedStates(script);
    kv.deal.seal(2);
    kv.kv.checkpoint(states); // at the epoch boundary
    kv.call("get", "[\"b\"]");
    SealedBatch batch = kv.deal.seal(3);
    ReplayEvidence evidence = kv.deal.answer(2, 0).orElseThrow().evidence();
    assertEquals(1, evidence.calls().size(), "only the sampled call after the snapshot");
    assertTrue(evidence.snapshot().isPresent());
    assertEquals(evidence.snapshot().get().hash(), evidence.anchor().stateHash());

    ReExecutor withPort = new ReExecutor(VERIFIER_HOST, Optional.of(states), ReplayOptions.DEFAULT);
    Receipt sampled = batch.receipts().get(0);
    assertEquals(Optional.empty(), withPort.verify(sampled, evidence, KvDeal.CODE).reason());
    assertEquals(
        Optional.of(ReplayReason.SNAPSHOT_UNSUPPORTED),
        VERIFIER.verify(sampled, evidence, KvDeal.CODE).reason());
    Checkpoint anchor = evidence.anchor();
    assertEquals(
        Optional.of(ReplayReason.SNAPSHOT_MISSING),
        withPort
            .verify(
                sampled,
                new ReplayEvidence(anchor, Optional.empty(), evidence.calls()),
                KvDeal.CODE)
            .reason());
    StateSnapshot stale = new ScriptedStates(script.subList(0, 1)).capture(kv.kv.service());
    assertEquals(
        Optional.of(ReplayReason.SNAPSHOT_MISMATCH),
        withPort
            .verify(
                sampled,
                new ReplayEvidence(anchor, Optional.of(stale), evidence.calls()),
                KvDeal.CODE)
            .reason());
  }

  @Test
  void anyBytesDecodeToEvidenceOrAReason() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && i % 2 == 0) {
        bytes[0] = 0x05;
      }
      Decoded<ReplayEvidence> evidence = ReplayEvidence.decode(bytes);
      Decoded<SampleAnswer> answer = SampleAnswer.decode(bytes);
      assertInstanceOf(Decoded.Malformed.class, evidence);
      assertInstanceOf(Decoded.Malformed.class, answer);
    }
  }
}
