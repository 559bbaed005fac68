package io.gyre.air.internal.exec;

import io.gyre.air.syntax.Instruction;
import java.util.List;

/**
 * A running fold: its items, the cursor {@code next} moves, and how to name each iteration in the
 * data (by index over arrays, by element identity over streams).
 */
final class FoldState {
  final Instruction.Fold fold;
  final List<Val> items;
  final long[] iterationIds;
  final boolean overStream;
  final long outerPath;
  int index;
  boolean backIterationStarted;

  FoldState(
      Instruction.Fold fold,
      List<Val> items,
      long[] iterationIds,
      boolean overStream,
      long outerPath) {
    this.fold = fold;
    this.items = items;
    this.iterationIds = iterationIds;
    this.overStream = overStream;
    this.outerPath = outerPath;
  }

  Val current() {
    return items.get(index);
  }

  /** The path hash inside iteration {@code i}. */
  long pathOf(int i) {
    long id = iterationIds == null ? i : iterationIds[i];
    return Identity.iteration(outerPath, fold.id(), id);
  }
}
