package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/** {@code (seq a b)}: b runs only when a completed without error. */
final class SeqExecutor {
  private SeqExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Seq seq = (Instruction.Seq) f.instruction;
    switch (f.phase) {
      case 0 -> {
        f.phase = 1;
        m.st.complete = true;
        m.push(seq.left());
      }
      case 1 -> {
        if (m.result != null || !m.st.complete) {
          m.finish(f, m.result);
          return;
        }
        f.phase = 2;
        m.push(seq.right());
      }
      default -> m.finish(f, m.result);
    }
  }
}
