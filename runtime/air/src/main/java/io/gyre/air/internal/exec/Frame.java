package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;

/** One instruction being executed on the machine's stack, with the locals its executor keeps. */
final class Frame {
  Instruction instruction;
  int phase;
  boolean flag;
  int position;
  long saved;
  AirError error;
  Object state;

  void reset(Instruction instruction) {
    this.instruction = instruction;
    this.phase = 0;
    this.flag = false;
    this.position = 0;
    this.saved = 0;
    this.error = null;
    this.state = null;
  }
}
