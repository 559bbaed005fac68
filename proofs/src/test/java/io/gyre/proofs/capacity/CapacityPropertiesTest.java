package io.gyre.proofs.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Fixtures;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.Verdict;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The puzzle with small parameters (16 KiB, one pass, 6 bits): answers check, and every way of
 * reusing an answer — again, in another epoch, for another unit or provider — is refused.
 */
class CapacityPropertiesTest {

  private static final PuzzleParameters SMALL = new PuzzleParameters(16, 1, 6);
  private static final CapacityPuzzle PUZZLE = new CapacityPuzzle(SMALL);
  private static final PeerId OWNER = Fixtures.PROVIDER.peerId();
  private static final PeerId OTHER = Fixtures.OTHER_PROVIDER.peerId();

  private static CapacityChallenge challenge(Randomness r, long epoch, PeerId who, String unit) {
    return new CapacityChallenge(r, epoch, who, unit, SMALL);
  }

  private static CapacityProof solve(CapacityChallenge challenge, long from) {
    return PUZZLE.solve(challenge, from, 1 << 16).orElseThrow();
  }

  @Property(tries = 25)
  void anAnswerChecksOnceAndIsThenADuplicate(
      @ForAll @IntRange(min = 0, max = 1000) int epoch,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String unit,
      @ForAll long from) {
    Randomness r = Fixtures.randomness("epoch-" + epoch);
    CapacityProof proof = solve(challenge(r, epoch, OWNER, unit), from);
    assertTrue(
        CapacityPuzzle.leadingZeroBits(
                PUZZLE.evaluate(challenge(r, epoch, OWNER, unit), proof.nonce()))
            >= SMALL.difficultyBits());
    CapacityChecker checker = new CapacityChecker(PUZZLE, new AcceptedAnswers());
    assertEquals(Verdict.accept(), checker.check(proof, epoch, r, Optional.of(OWNER)));
    assertEquals(
        Optional.of(CapacityReason.DUPLICATE),
        checker.check(proof, epoch, r, Optional.of(OWNER)).reason());
    CapacityProof decoded = CapacityProof.decode(proof.encode()).toOptional().orElseThrow();
    assertEquals(
        Optional.of(CapacityReason.DUPLICATE),
        checker.check(decoded, epoch, r, Optional.of(OWNER)).reason());
  }

  @Property(tries = 25)
  void aStaleProofIsRefusedAndItsNonceMeansNothingInTheNextEpoch(
      @ForAll @IntRange(min = 0, max = 1000) int epoch, @ForAll long from) {
    Randomness now = Fixtures.randomness("epoch-" + epoch);
    Randomness next = Fixtures.randomness("epoch-" + (epoch + 1));
    CapacityProof old = solve(challenge(now, epoch, OWNER, "u1"), from);
    CapacityChecker checker = new CapacityChecker(PUZZLE, new AcceptedAnswers());
    assertEquals(
        Optional.of(CapacityReason.STALE_EPOCH),
        checker.check(old, epoch + 1, next, Optional.of(OWNER)).reason());
    // Relabelled for the new epoch, the nonce is judged afresh: the binding changed the hash.
    CapacityProof relabelled = new CapacityProof(OWNER, "u1", epoch + 1, old.nonce());
    assertFalse(
        Arrays.equals(
            PUZZLE.evaluate(challenge(now, epoch, OWNER, "u1"), old.nonce()),
            PUZZLE.evaluate(challenge(next, epoch + 1, OWNER, "u1"), old.nonce())));
    boolean meets = PUZZLE.check(challenge(next, epoch + 1, OWNER, "u1"), old.nonce());
    Verdict<CapacityReason> verdict =
        checker.check(relabelled, epoch + 1, next, Optional.of(OWNER));
    assertEquals(
        meets ? Optional.empty() : Optional.of(CapacityReason.DIFFICULTY_NOT_MET),
        verdict.reason());
  }

  @Property(tries = 25)
  void aProofForSomeoneElsesUnitIsRefused(@ForAll long from) {
    Randomness r = Fixtures.randomness("epoch-3");
    CapacityChecker checker = new CapacityChecker(PUZZLE, new AcceptedAnswers());
    // OTHER answers for a unit OWNER committed.
    CapacityProof theirs = solve(challenge(r, 3, OTHER, "owner-unit"), from);
    assertEquals(
        Optional.of(CapacityReason.NOT_UNIT_OWNER),
        checker.check(theirs, 3, r, Optional.of(OWNER)).reason());
    assertEquals(
        Optional.of(CapacityReason.NOT_UNIT_OWNER),
        checker.check(theirs, 3, r, Optional.empty()).reason());
    // OWNER's answer, moved to another of OWNER's units: a different challenge.
    CapacityProof mine = solve(challenge(r, 3, OWNER, "unit-a"), from);
    CapacityProof moved = new CapacityProof(OWNER, "unit-b", 3, mine.nonce());
    boolean meets = PUZZLE.check(challenge(r, 3, OWNER, "unit-b"), mine.nonce());
    assertEquals(
        meets ? Optional.empty() : Optional.of(CapacityReason.DIFFICULTY_NOT_MET),
        checker.check(moved, 3, r, Optional.of(OWNER)).reason());
  }

  @Property(tries = 25)
  void aNonceThatMissesTheDifficultyIsRefused(@ForAll long from) {
    Randomness r = Fixtures.randomness("epoch-9");
    CapacityChallenge c = challenge(r, 9, OWNER, "u");
    long miss = from;
    while (PUZZLE.check(c, miss)) {
      miss++;
    }
    CapacityChecker checker = new CapacityChecker(PUZZLE, new AcceptedAnswers());
    assertEquals(
        Optional.of(CapacityReason.DIFFICULTY_NOT_MET),
        checker.check(new CapacityProof(OWNER, "u", 9, miss), 9, r, Optional.of(OWNER)).reason());
  }

  @Property(tries = 200)
  void anyBytesAreAProofOrMalformed(@ForAll byte[] bytes) {
    Decoded<CapacityProof> decoded = CapacityProof.decode(bytes);
    assertTrue(decoded instanceof Decoded.Malformed || decoded.toOptional().isPresent());
    CapacityChecker checker = new CapacityChecker(PUZZLE, new AcceptedAnswers());
    Verdict<CapacityReason> verdict =
        checker.check(bytes, 1, Fixtures.randomness("x"), unit -> Optional.of(OWNER));
    if (decoded instanceof Decoded.Malformed) {
      assertEquals(Optional.of(CapacityReason.MALFORMED), verdict.reason());
    }
  }
}
