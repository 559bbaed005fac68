package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/** {@code (new var body)}: a fresh, empty incarnation of the variable for the body. */
final class NewExecutor {
  private NewExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.New instruction = (Instruction.New) f.instruction;
    if (f.phase == 0) {
      f.phase = 1;
      m.st.scopes.beginNew(instruction.variableKind(), instruction.name());
      m.push(instruction.body());
      return;
    }
    m.st.scopes.endNew(instruction.variableKind(), instruction.name());
    m.finish(f, m.result);
  }
}
