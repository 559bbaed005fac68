package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/**
 * {@code (par a b)}: both run; it is complete when either is, and fails only when both fail (with
 * the right one's error). A branch that is a bare {@code next} starts incomplete, as in AquaVM.
 */
final class ParExecutor {
  private ParExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Par par = (Instruction.Par) f.instruction;
    ExecutionState st = m.st;
    switch (f.phase) {
      case 0 -> {
        f.phase = 1;
        st.complete = par.left().kind() != Instruction.Kind.NEXT;
        m.push(par.left());
      }
      case 1 -> {
        AirError left = m.result;
        if (left != null) {
          st.complete = false;
          if (!left.catchable) {
            m.finish(f, left);
            return;
          }
        }
        f.error = left;
        f.flag = st.complete;
        f.phase = 2;
        st.complete = par.right().kind() != Instruction.Kind.NEXT;
        m.push(par.right());
      }
      default -> {
        AirError right = m.result;
        if (right != null) {
          st.complete = false;
          if (!right.catchable) {
            m.finish(f, right);
            return;
          }
        }
        st.complete = f.flag || st.complete;
        if (f.error == null || right == null) {
          st.errors.onParSucceeded();
          m.finish(f, null);
        } else {
          m.finish(f, right);
        }
      }
    }
  }
}
