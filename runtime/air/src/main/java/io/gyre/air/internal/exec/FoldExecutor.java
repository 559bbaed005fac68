package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.json.SerdeJson;
import io.gyre.air.syntax.Instruction;
import io.gyre.air.syntax.Lens;
import io.gyre.air.syntax.Value;
import io.gyre.air.syntax.VariableKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code (fold iterable i body last?)}. Over an array the body runs for the first item and {@code
 * next} moves on. Over a stream, AquaVM's rules: one chain of iterations per generation (here: per
 * batch rank), elements added meanwhile get chains of their own, catchable errors are swallowed,
 * and the fold is complete when any chain completed; an empty stream waits.
 */
final class FoldExecutor {
  private FoldExecutor() {}

  static void step(Machine m, Frame f) {
    Instruction.Fold fold = (Instruction.Fold) f.instruction;
    if (fold.overStream()) {
      stepStream(m, f, fold);
    } else {
      stepScalar(m, f, fold);
    }
  }

  // ---------------------------------------------------------------- arrays, canon streams and maps

  private static void stepScalar(Machine m, Frame f, Instruction.Fold fold) {
    ExecutionState st = m.st;
    if (f.phase == 0) {
      List<Val> items;
      try {
        items = items(st, fold.iterable());
      } catch (AirException e) {
        m.fail(f, e);
        return;
      }
      if (items.isEmpty()) {
        m.finish(f, null);
        return;
      }
      f.phase = 1;
      begin(m, f, new FoldState(fold, items, null, false, st.path));
      return;
    }
    end(m, f);
    m.finish(f, m.result);
  }

  private static List<Val> items(ExecutionState st, Value iterable) {
    if (iterable instanceof Value.EmptyArray) {
      return List.of();
    }
    Value.Variable v = (Value.Variable) iterable;
    if (v.kind() == VariableKind.CANON_STREAM && v.lens() instanceof Lens.None) {
      return Resolver.canon(st, v.name()).elements;
    }
    if (v.kind() == VariableKind.CANON_MAP && v.lens() instanceof Lens.None) {
      return CanonMaps.lastPerKey(Resolver.canon(st, v.name()).elements);
    }
    Val value = Resolver.resolve(st, v);
    JsonNode node = value.node();
    if (!node.isArray()) {
      String expression = v.lens() instanceof Lens.None ? v.name() : v.lens().text();
      throw new AirException(
          AirError.catchable(
              AirError.FOLD_NON_ARRAY,
              "expression '"
                  + expression
                  + "' returned non-array value '"
                  + SerdeJson.compact(node)
                  + "' for fold iterable"));
    }
    List<Val> items = new ArrayList<>(node.size());
    Tetraplet t = value.tetraplet;
    for (int i = 0; i < node.size(); i++) {
      items.add(
          Val.of(
              node.get(i),
              new Tetraplet(
                  t.peerPk(), t.serviceId(), t.functionName(), t.lens() + ".$.[" + i + "]")));
    }
    return items;
  }

  // ---------------------------------------------------------------- streams

  private static void stepStream(Machine m, Frame f, Instruction.Fold fold) {
    ExecutionState st = m.st;
    Value.Variable v = (Value.Variable) fold.iterable();
    if (f.phase == 0) {
      StreamInstance stream = st.scopes.stream(v.name());
      if (stream == null || stream.size() == 0) {
        st.complete = false;
        m.finish(f, null);
        return;
      }
      f.state = stream;
      f.position = 0;
      f.flag = false;
      f.phase = 1;
      nextChain(m, f, fold, stream);
      return;
    }
    end(m, f);
    AirError error = m.result;
    if (error != null && !error.catchable) {
      m.finish(f, error);
      return;
    }
    f.flag |= st.complete;
    StreamInstance stream = (StreamInstance) f.state;
    if (f.position < stream.size()) {
      nextChain(m, f, fold, stream);
      return;
    }
    st.complete = f.flag;
    m.finish(f, null);
  }

  /** Starts the iterations over the next generation: the elements of one rank from position. */
  private static void nextChain(Machine m, Frame f, Instruction.Fold fold, StreamInstance stream) {
    int from = f.position;
    int rank = stream.get(from).rank();
    int to = from + 1;
    while (to < stream.size() && stream.get(to).rank() == rank) {
      to++;
    }
    List<Val> items = new ArrayList<>(to - from);
    long[] ids = new long[to - from];
    for (int i = from; i < to; i++) {
      StreamInstance.Element element = stream.get(i);
      items.add(element.value());
      ids[i - from] = element.id();
    }
    f.position = to;
    begin(m, f, new FoldState(fold, items, ids, true, m.st.path));
  }

  // ---------------------------------------------------------------- shared

  private static void begin(Machine m, Frame f, FoldState state) {
    ExecutionState st = m.st;
    f.saved = st.path;
    st.scopes.bindIterator(state.fold.iterator(), state);
    st.scopes.enterScope();
    st.path = state.pathOf(0);
    m.push(state.fold.body());
  }

  private static void end(Machine m, Frame f) {
    ExecutionState st = m.st;
    Instruction.Fold fold = (Instruction.Fold) f.instruction;
    st.scopes.leaveScope();
    st.scopes.unbindIterator(fold.iterator());
    st.path = f.saved;
  }
}
