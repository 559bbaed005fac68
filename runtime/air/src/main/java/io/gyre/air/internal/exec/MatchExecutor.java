package io.gyre.air.internal.exec;

import io.gyre.air.internal.json.JsonEquality;
import io.gyre.air.syntax.Instruction;

/** {@code (match a b body)} / {@code (mismatch a b body)}: the body runs when the test holds. */
final class MatchExecutor {
  private MatchExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Match match = (Instruction.Match) f.instruction;
    ExecutionState st = m.st;
    if (f.phase == 1) {
      m.finish(f, m.result);
      return;
    }
    boolean equal;
    try {
      equal =
          JsonEquality.equal(
              Resolver.resolve(st, match.left()).node(),
              Resolver.resolve(st, match.right()).node());
    } catch (AirException e) {
      m.fail(f, e);
      return;
    }
    if (equal != match.equal()) {
      m.finish(
          f,
          match.equal()
              ? AirError.catchable(AirError.MATCH, "compared values do not match")
              : AirError.catchable(AirError.MISMATCH, "compared values do not mismatch"));
      return;
    }
    f.phase = 1;
    m.push(match.body());
  }
}
