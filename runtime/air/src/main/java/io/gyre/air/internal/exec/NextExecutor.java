package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/**
 * {@code (next i)}: runs the fold body for the next item, then steps back, so the rest of this
 * iteration still sees its own item. After the last item it runs the fold's last instruction; a
 * fold over a stream without one waits (AquaVM's implicit never).
 */
final class NextExecutor {
  private NextExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Next next = (Instruction.Next) f.instruction;
    ExecutionState st = m.st;
    switch (f.phase) {
      case 0 -> {
        FoldState state = st.scopes.iterator(next.iterator());
        if (state == null) {
          m.finish(
              f,
              AirError.uncatchable(
                  AirError.FOLD_STATE_NOT_FOUND,
                  "fold state not found for this iterable '" + next.iterator() + "'"));
          return;
        }
        if (state.index + 1 >= state.items.size()) {
          if (state.fold.last().isPresent()) {
            st.complete = true;
            f.phase = 2;
            m.push(state.fold.last().get());
            return;
          }
          if (state.overStream && !state.backIterationStarted) {
            state.backIterationStarted = true;
            st.complete = false;
          }
          m.finish(f, null);
          return;
        }
        state.index++;
        f.state = state;
        f.saved = st.path;
        st.path = state.pathOf(state.index);
        st.scopes.enterScope();
        f.phase = 1;
        m.push(state.fold.body());
      }
      case 1 -> {
        FoldState state = (FoldState) f.state;
        st.scopes.leaveScope();
        st.path = f.saved;
        if (m.result != null) {
          m.finish(f, m.result);
          return;
        }
        state.index--;
        m.finish(f, null);
      }
      default -> m.finish(f, m.result);
    }
  }
}
