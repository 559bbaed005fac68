package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/**
 * The interpreter loop: an explicit stack of frames and a switch over instruction kinds. An
 * executor either finishes its frame (leaving its error, or null, in {@link #result}) or pushes a
 * child and is resumed with the child's result. No Java recursion, so no depth limit but memory.
 */
final class Machine {
  final ExecutionState st;
  private Frame[] stack = new Frame[64];
  private int size;

  /** The error of the frame that finished last; null when it succeeded. */
  AirError result;

  Machine(ExecutionState st) {
    this.st = st;
  }

  /** Runs {@code root}; returns the error that ended it, or null. */
  AirError run(Instruction root) {
    push(root);
    while (size > 0) {
      Frame frame = stack[size - 1];
      switch (frame.instruction.kind()) {
        case CALL -> CallExecutor.step(this, frame);
        case SEQ -> SeqExecutor.step(this, frame);
        case PAR -> ParExecutor.step(this, frame);
        case XOR -> XorExecutor.step(this, frame);
        case NEW -> NewExecutor.step(this, frame);
        case FOLD -> FoldExecutor.step(this, frame);
        case NEXT -> NextExecutor.step(this, frame);
        case MATCH -> MatchExecutor.step(this, frame);
        case AP -> ApExecutor.step(this, frame);
        case AP_MAP -> ApExecutor.stepMap(this, frame);
        case CANON -> CanonExecutor.step(this, frame);
        case FAIL -> FailExecutor.step(this, frame);
        case NEVER -> {
          st.complete = false;
          finish(frame, null);
        }
        case NULL -> finish(frame, null);
        default -> throw new IllegalStateException("unknown instruction " + frame.instruction);
      }
    }
    return result;
  }

  void push(Instruction instruction) {
    if (size == stack.length) {
      stack = java.util.Arrays.copyOf(stack, size * 2);
    }
    Frame frame = stack[size];
    if (frame == null) {
      frame = new Frame();
      stack[size] = frame;
    }
    frame.reset(instruction);
    size++;
  }

  /**
   * Ends the top frame. Every instruction but call (which names its peer itself) records its error
   * in :error: and %last_error%, as AquaVM's execute macro does on the way up.
   */
  void finish(Frame frame, AirError error) {
    if (error != null && frame.instruction.kind() != Instruction.Kind.CALL) {
      st.errors.onError(error, frame.instruction, null, st.currentPeer);
    }
    frame.state = null;
    size--;
    result = error;
  }

  /**
   * Ends the top frame after {@code e}: an error that waits for data (a variable not yet set) makes
   * the subgraph incomplete instead of failing it, as AquaVM's joinable errors do.
   */
  void fail(Frame frame, AirException e) {
    if (e.error.joinable()) {
      st.complete = false;
      finish(frame, null);
    } else {
      finish(frame, e.error);
    }
  }

  /** Ends the top frame whose own error was already recorded (e.g. by the call executor). */
  void finishRecorded(AirError error) {
    stack[size - 1].state = null;
    size--;
    result = error;
  }
}
