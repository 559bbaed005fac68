package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/** {@code (xor a b)}: b runs when a fails with a catchable error; :error: is that error. */
final class XorExecutor {
  private XorExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Xor xor = (Instruction.Xor) f.instruction;
    ExecutionState st = m.st;
    switch (f.phase) {
      case 0 -> {
        f.phase = 1;
        st.complete = true;
        m.push(xor.left());
      }
      case 1 -> {
        AirError error = m.result;
        if (error == null || !error.catchable) {
          m.finish(f, error);
          return;
        }
        st.complete = true;
        st.errors.onXorCatch(error);
        f.phase = 2;
        m.push(xor.right());
      }
      default -> {
        st.errors.onXorRightEnd(m.result == null);
        m.finish(f, m.result);
      }
    }
  }
}
