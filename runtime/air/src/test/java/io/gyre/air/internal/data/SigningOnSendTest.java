package io.gyre.air.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.identity.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A peer signs its data only when the data leaves it: a run that just waits for its local calls
 * seals its batch unsigned, and the run that sends signs its newest batch, which vouches for the
 * earlier ones through the hash chain. Unsigned batches are never accepted on their own.
 */
class SigningOnSendTest {
  private static final KeyPair ALICE = KeyPair.fromSeedName("alice");
  private static final KeyPair BOB = KeyPair.fromSeedName("bob");
  private static final String PARTICLE = "signing-on-send";
  private static final String AIR =
      "(seq (call \""
          + ALICE.peerId().base58()
          + "\" (\"svc\" \"f\") [] x) (call \""
          + BOB.peerId().base58()
          + "\" (\"svc\" \"g\") [x] y))";

  private final Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);

  private static RunContext context(KeyPair peer) {
    return new RunContext(peer, PARTICLE, ALICE.peerId().base58(), 0, 1_000_000, 1);
  }

  /** Alice's first run (asks for f, sends nothing) and second run (f's result, sends to Bob). */
  private List<Outcome> aliceRuns() {
    Outcome asks = interpreter.run(AIR, new byte[0], new byte[0], Map.of(), context(ALICE));
    assertEquals(1, asks.callRequests().size());
    assertEquals(List.of(), asks.nextPeers());
    int key = asks.callRequests().get(0).key();
    Outcome sends =
        interpreter.run(
            AIR,
            asks.data(),
            new byte[0],
            Map.of(key, CallResult.ok(new TextNode("hi"))),
            context(ALICE));
    assertEquals(List.of(BOB.peerId().base58()), sends.nextPeers());
    return List.of(asks, sends);
  }

  @Test
  void aRunThatSendsNothingLeavesItsBatchUnsigned() {
    Outcome asks = aliceRuns().get(0);
    List<Batch> batches = ParticleData.decode(asks.data()).batches();
    assertEquals(1, batches.size());
    assertFalse(BatchSigner.isSigned(batches.get(0)));
    // handed to Bob anyway, the unsigned batch is refused
    Outcome atBob = interpreter.run(AIR, new byte[0], asks.data(), Map.of(), context(BOB));
    assertEquals(9, atBob.error().orElseThrow().retCode());
  }

  @Test
  void theSendingRunSignsAndVouchesForTheEarlierBatch() {
    Outcome sends = aliceRuns().get(1);
    List<Batch> batches = ParticleData.decode(sends.data()).batches();
    assertEquals(2, batches.size());
    assertFalse(BatchSigner.isSigned(batches.get(0)), "the waiting run's batch stays unsigned");
    assertTrue(BatchSigner.isSigned(batches.get(1)));
    assertTrue(batches.get(1).follows(batches.get(0)));
    Outcome atBob = interpreter.run(AIR, new byte[0], sends.data(), Map.of(), context(BOB));
    assertTrue(atBob.succeeded(), () -> atBob.error().toString());
    assertEquals(1, atBob.callRequests().size());
    assertEquals("hi", atBob.callRequests().get(0).arguments().get(0).asText());
  }

  @Test
  void alteringTheUnsignedBatchOnTheWayIsRefused() {
    byte[] sent = aliceRuns().get(1).data();
    Batch unsigned = ParticleData.decode(sent).batches().get(0);
    // every byte but the (unused) signature: hash, author key, prev and body
    for (int position = unsigned.start(); position < unsigned.end(); position++) {
      if (position == unsigned.start() + Batch.HASH + Batch.KEY) {
        position += Batch.SIGNATURE;
      }
      byte[] altered = sent.clone();
      altered[position] ^= 1;
      Outcome atBob = interpreter.run(AIR, new byte[0], altered, Map.of(), context(BOB));
      assertEquals(9, atBob.error().orElseThrow().retCode(), "byte " + position + " altered");
    }
  }

  @Test
  void droppingTheSignedBatchLeavesAnUnsignedOneThatIsRefused() {
    ParticleData sent = ParticleData.decode(aliceRuns().get(1).data());
    ParticleData stripped = ParticleData.empty();
    stripped.addSealed(
        java.util.Arrays.copyOfRange(
            sent.batches().get(0).buffer(),
            sent.batches().get(0).start(),
            sent.batches().get(0).end()));
    Outcome atBob = interpreter.run(AIR, new byte[0], stripped.encode(), Map.of(), context(BOB));
    assertEquals(9, atBob.error().orElseThrow().retCode());
  }

  @Test
  void signingTheLatestBatchLaterMakesTheDataVerify() {
    ParticleData data = ParticleData.empty();
    byte[] body = {0};
    data.addSealed(BatchSigner.seal(ALICE, PARTICLE, Batch.NO_PREVIOUS, body, 1, false));
    ParticleData unsigned = ParticleData.decode(data.encode());
    assertThrows(
        SignatureMismatchException.class,
        () -> ParticleData.empty().mergeVerified(unsigned, PARTICLE));

    assertEquals(0, data.signLatestBy(ALICE, PARTICLE));
    assertEquals(-1, data.signLatestBy(ALICE, PARTICLE), "already signed: nothing to do");
    assertEquals(-1, data.signLatestBy(BOB, PARTICLE), "no batch of Bob's to sign");
    ParticleData receiver = ParticleData.empty();
    assertEquals(1, receiver.mergeVerified(ParticleData.decode(data.encode()), PARTICLE));
    assertThrows(
        SignatureMismatchException.class,
        () ->
            ParticleData.empty()
                .mergeVerified(ParticleData.decode(data.encode()), "another-particle"));
  }
}
