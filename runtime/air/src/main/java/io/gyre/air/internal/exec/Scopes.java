package io.gyre.air.internal.exec;

import io.gyre.air.syntax.VariableKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a run. Scalars (and canon streams and maps, which behave like them) live in
 * scopes: each fold iteration opens one, and what it defines disappears when it ends; outside folds
 * a scalar is set once. {@code new} gives a variable a fresh, empty incarnation for its body. Fold
 * iterators are looked up before scalars.
 */
final class Scopes {
  /** One incarnation of a scalar: its value (null: cleared by new), the scope depth, new-ness. */
  private static final class Slot {
    Object value;
    final int depth;
    final boolean fromNew;

    Slot(Object value, int depth, boolean fromNew) {
      this.value = value;
      this.depth = depth;
      this.fromNew = fromNew;
    }
  }

  private final Map<String, ArrayDeque<Slot>> scalars = new HashMap<>();
  private final List<List<String>> definedAtDepth = new ArrayList<>();
  private final Map<String, FoldState> iterators = new HashMap<>();
  private final Map<String, ArrayDeque<StreamInstance>> streams = new HashMap<>();
  private int depth;

  Scopes() {
    definedAtDepth.add(new ArrayList<>());
  }

  // ---------------------------------------------------------------- scalars

  /** The value (Val, CanonValue or CanonMapValue) of a scalar-like name; throws if not there. */
  Object get(String name) {
    FoldState fold = iterators.get(name);
    if (fold != null) {
      return fold.current();
    }
    ArrayDeque<Slot> slots = scalars.get(name);
    Slot top = slots == null ? null : slots.peek();
    if (top == null) {
      throw new AirException(
          AirError.catchable(
              AirError.VARIABLE_NOT_FOUND,
              "variable with name '" + name + "' wasn't defined during script execution"));
    }
    if (top.value == null) {
      // cleared by new and not set again yet: wait for it like any value that has not arrived
      throw new AirException(
          AirError.catchable(
              AirError.VARIABLE_NOT_FOUND,
              "variable with name '" + name + "' wasn't defined during script execution"));
    }
    return top.value;
  }

  void set(String name, Object value) {
    ArrayDeque<Slot> slots = scalars.computeIfAbsent(name, k -> new ArrayDeque<>(2));
    Slot top = slots.peek();
    if (top != null && top.depth == depth) {
      if (top.value != null && depth == 0 && !top.fromNew) {
        throw new AirException(
            AirError.uncatchable(
                AirError.SHADOWING,
                "trying to shadow variable '"
                    + name
                    + "', but shadowing is allowed only inside fold blocks"));
      }
      top.value = value;
      return;
    }
    slots.push(new Slot(value, depth, false));
    definedAtDepth.get(depth).add(name);
  }

  /** A fold iteration begins: what it defines is dropped by {@link #leaveScope}. */
  void enterScope() {
    depth++;
    if (definedAtDepth.size() <= depth) {
      definedAtDepth.add(new ArrayList<>());
    }
  }

  void leaveScope() {
    List<String> names = definedAtDepth.get(depth);
    for (int i = names.size() - 1; i >= 0; i--) {
      ArrayDeque<Slot> slots = scalars.get(names.get(i));
      Slot top = slots.peek();
      if (top != null && top.depth == depth && !top.fromNew) {
        slots.pop();
      }
    }
    names.clear();
    depth--;
  }

  // ---------------------------------------------------------------- iterators

  void bindIterator(String name, FoldState state) {
    iterators.put(name, state);
  }

  void unbindIterator(String name) {
    iterators.remove(name);
  }

  FoldState iterator(String name) {
    return iterators.get(name);
  }

  // ---------------------------------------------------------------- streams

  /** The stream as it is now, or null when nothing created it yet. */
  StreamInstance stream(String name) {
    ArrayDeque<StreamInstance> stack = streams.get(name);
    return stack == null ? null : stack.peek();
  }

  StreamInstance streamForWrite(String name) {
    ArrayDeque<StreamInstance> stack = streams.computeIfAbsent(name, k -> new ArrayDeque<>(2));
    if (stack.isEmpty()) {
      stack.push(new StreamInstance());
    }
    return stack.peek();
  }

  // ---------------------------------------------------------------- new

  void beginNew(VariableKind kind, String name) {
    if (kind == VariableKind.STREAM || kind == VariableKind.STREAM_MAP) {
      streams.computeIfAbsent(name, k -> new ArrayDeque<>(2)).push(new StreamInstance());
    } else {
      scalars.computeIfAbsent(name, k -> new ArrayDeque<>(2)).push(new Slot(null, depth, true));
    }
  }

  void endNew(VariableKind kind, String name) {
    if (kind == VariableKind.STREAM || kind == VariableKind.STREAM_MAP) {
      streams.get(name).pop();
    } else {
      ArrayDeque<Slot> slots = scalars.get(name);
      while (!slots.isEmpty()) {
        Slot slot = slots.pop();
        if (slot.fromNew) {
          break;
        }
      }
    }
  }
}
