package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.marketplace.proof.SampledReceipt;
import io.gyre.marketplace.proof.Verdict;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.capacity.CapacityChallenge;
import io.gyre.proofs.capacity.CapacityPuzzle;
import io.gyre.proofs.capacity.PuzzleParameters;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.SampleAnswer;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.proofs.replay.ServiceCode;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ModuleId;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The marketplace's checks done with the proofs module, on a real provider's batch: the signed
 * root, the Argon2id capacity answer, and audits that re-execute sampled receipts — accepted when
 * all holds, refused for a forged root, someone else's or another unit's answer, evidence that is
 * not the sample's, code other than the deal's, or a sample not handed over.
 */
class ProofsCheckTest {
  private static final KeyPair BOB = KeyPair.fromSeedName("bob");
  private static final KeyPair CAROL = KeyPair.fromSeedName("carol");
  private static final DealId DEAL = new DealId("deal-3");
  private static final UnitId UNIT = new UnitId("offer-1/0");
  private static final PuzzleParameters PUZZLE = new PuzzleParameters(64, 1, 3);

  private final WasmHost provider = WasmHost.create();
  private final AuditCode code = new AuditCode();
  private ProofsCheck check;
  private byte[] greeting;
  private Service service;

  @BeforeEach
  void start() throws Exception {
    check = new ProofsCheck(PUZZLE, code);
    greeting = wasm("greeting");
    service =
        provider.createService(
            "deal-3-" + BOB.peerId().base58(),
            provider.addBlueprint(Blueprint.single("greeting", provider.addModule(greeting))),
            ServiceLimits.DEFAULT);
  }

  @AfterEach
  void stop() {
    check.close();
    provider.close();
  }

  private static byte[] wasm(String name) throws Exception {
    try (InputStream in = ProofsCheckTest.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      return in.readAllBytes();
    }
  }

  /** Three calls in epoch 7, sealed: the batch and its recorder. */
  private DealRecorder threeCalls() {
    DealRecorder deal = new DealRecorder(BOB, DEAL.value(), 7);
    ServiceRecorder recorder = deal.open(service);
    for (int i = 0; i < 3; i++) {
      recorder.call(
          "greet",
          "[\"n" + i + "\"]",
          new CallParameters(
              "alice",
              "particle-" + i,
              service.id(),
              BOB.peerId().base58(),
              1000 + i,
              i,
              List.of()));
    }
    return deal;
  }

  private static List<SampledReceipt> samples(DealRecorder deal, List<Long> indices) {
    List<SampledReceipt> out = new ArrayList<>();
    for (long index : indices) {
      SampleAnswer answer = deal.answer(7, index).orElseThrow();
      out.add(
          new SampledReceipt(
              index,
              answer.evidence().sampled().orElseThrow().encode(),
              answer.proof().encode(),
              answer.evidence().encode()));
    }
    return out;
  }

  private ServiceCode dealCode(byte[] module) {
    return new ServiceCode(
        new Blueprint(
            "greeting",
            List.of(new io.gyre.wasm.BlueprintModule("greeting", ModuleId.of(module))),
            service.blueprint().capabilities()),
        List.of(module));
  }

  @Test
  void aProvidersBatchIsSignedAndItsSamplesReExecute() {
    DealRecorder deal = threeCalls();
    BatchCommitment commitment = EpochDuties.commitment(DEAL, UNIT, deal.seal(8));
    assertEquals(3, commitment.size());
    assertTrue(check.batchSignatureValid(commitment));
    code.put(commitment, dealCode(greeting));
    assertEquals(
        Verdict.VERIFIED,
        check.verifySamples(commitment, List.of(0L, 2L), samples(deal, List.of(0L, 2L))));
  }

  @Test
  void aForgedRootOrAnotherSignerIsRefused() {
    BatchCommitment real = EpochDuties.commitment(DEAL, UNIT, threeCalls().seal(8));
    BatchCommitment otherRoot =
        new BatchCommitment(DEAL, UNIT, real.peer(), 7, "00".repeat(32), 3, real.signature());
    BatchCommitment otherPeer =
        new BatchCommitment(DEAL, UNIT, CAROL.peerId(), 7, real.root(), 3, real.signature());
    assertFalse(check.batchSignatureValid(otherRoot));
    assertFalse(check.batchSignatureValid(otherPeer));
    assertFalse(
        check.batchSignatureValid(
            new BatchCommitment(DEAL, UNIT, real.peer(), 7, real.root(), 3, "not hex")));
  }

  @Test
  void samplesThatAreNotTheSampleOrRunOtherCodeFail() throws Exception {
    DealRecorder deal = threeCalls();
    BatchCommitment commitment = EpochDuties.commitment(DEAL, UNIT, deal.seal(8));
    SampledReceipt first = samples(deal, List.of(0L)).get(0);
    SampledReceipt second = samples(deal, List.of(1L)).get(0);
    SampledReceipt swapped =
        new SampledReceipt(1, first.receipt(), first.inclusionProof(), first.inputs());
    code.put(commitment, dealCode(greeting));
    assertEquals(Verdict.FAILED, check.verifySamples(commitment, List.of(1L), List.of(swapped)));
    code.put(commitment, dealCode(wasm("shout")));
    assertEquals(Verdict.FAILED, check.verifySamples(commitment, List.of(1L), List.of(second)));
    code.put(commitment, dealCode(greeting));
    assertEquals(
        Verdict.MISSING, check.verifySamples(commitment, List.of(0L, 1L), List.of(second)));
  }

  @Test
  void aCapacityAnswerCountsForItsUnitPeerAndEpochOnly() {
    byte[] random = new byte[32];
    random[0] = 42;
    String randomness = HexFormat.of().formatHex(random);
    CapacityPuzzle puzzle = new CapacityPuzzle(PUZZLE);
    CapacityChallenge challenge =
        new CapacityChallenge(new Randomness(random), 7, BOB.peerId(), UNIT.value(), PUZZLE);
    byte[] otherRandom = random.clone();
    otherRandom[0] = 43;
    CapacityChallenge otherEpochRandomness =
        new CapacityChallenge(new Randomness(otherRandom), 7, BOB.peerId(), UNIT.value(), PUZZLE);
    // An answer to this epoch's challenge that does not happen to answer the other one too.
    long from = 0;
    var answer = puzzle.solve(challenge, from, 10_000).orElseThrow();
    while (puzzle.check(otherEpochRandomness, answer.nonce())) {
      answer = puzzle.solve(challenge, answer.nonce() + 1, 10_000).orElseThrow();
    }
    String solution = HexFormat.of().formatHex(answer.encode());
    assertTrue(
        check.capacityProofValid(new CapacityProof(UNIT, 7, solution), BOB.peerId(), randomness));
    assertFalse(
        check.capacityProofValid(new CapacityProof(UNIT, 7, solution), CAROL.peerId(), randomness));
    assertFalse(
        check.capacityProofValid(
            new CapacityProof(new UnitId("offer-1/1"), 7, solution), BOB.peerId(), randomness));
    assertFalse(
        check.capacityProofValid(new CapacityProof(UNIT, 8, solution), BOB.peerId(), randomness));
    assertFalse(
        check.capacityProofValid(
            new CapacityProof(UNIT, 7, solution),
            BOB.peerId(),
            HexFormat.of().formatHex(otherRandom)));
    assertFalse(
        check.capacityProofValid(new CapacityProof(UNIT, 7, "zz"), BOB.peerId(), randomness));
  }
}
