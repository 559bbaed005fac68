package io.gyre.proofs.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.proofs.Fixtures;
import org.junit.jupiter.api.Test;

class CapacityPuzzleTest {

  @Test
  void leadingZeroBitsCountFromTheMostSignificantBitOfTheFirstByte() {
    assertEquals(0, CapacityPuzzle.leadingZeroBits(new byte[] {(byte) 0x80, 0}));
    assertEquals(7, CapacityPuzzle.leadingZeroBits(new byte[] {1, 0}));
    assertEquals(8, CapacityPuzzle.leadingZeroBits(new byte[] {0, (byte) 0xff}));
    assertEquals(13, CapacityPuzzle.leadingZeroBits(new byte[] {0, 4}));
    assertEquals(16, CapacityPuzzle.leadingZeroBits(new byte[] {0, 0}));
  }

  @Test
  void aboutOneNonceIn2PowDifficultyAnswers() {
    PuzzleParameters params = new PuzzleParameters(16, 1, 2);
    CapacityPuzzle puzzle = new CapacityPuzzle(params);
    CapacityChallenge challenge =
        new CapacityChallenge(
            Fixtures.randomness("share"), 1, Fixtures.PROVIDER.peerId(), "unit", params);
    int answers = 0;
    for (long nonce = 0; nonce < 800; nonce++) {
      answers += puzzle.check(challenge, nonce) ? 1 : 0;
    }
    // Expected 200 (a quarter); the bounds are 6 standard deviations wide.
    assertTrue(answers > 126 && answers < 274, answers + " of 800");
  }

  @Test
  void theParametersChangeTheAnswer() {
    CapacityChallenge small =
        new CapacityChallenge(
            Fixtures.randomness("p"),
            1,
            Fixtures.PROVIDER.peerId(),
            "u",
            new PuzzleParameters(16, 1, 2));
    CapacityChallenge bigger =
        new CapacityChallenge(
            Fixtures.randomness("p"),
            1,
            Fixtures.PROVIDER.peerId(),
            "u",
            new PuzzleParameters(32, 1, 2));
    assertTrue(!small.seed().equals(bigger.seed()));
  }
}
