package io.gyre.air.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects, before anything runs, what AquaVM rejects: a variable used before (in source order) any
 * instruction defines it, a {@code next} outside a fold over its iterator, and a fold nested in
 * another fold with the same iterator. Iterative, like the parser.
 */
final class Validator {
  private final String source;
  private final int[] ends;
  private final Set<String> scalars = new HashSet<>();
  private final Set<String> canons = new HashSet<>();
  private final Map<String, Integer> activeIterators = new HashMap<>();

  private Validator(String source, int[] ends) {
    this.source = source;
    this.ends = ends;
  }

  static void validate(String source, Instruction root, int[] ends) {
    new Validator(source, ends).run(root);
  }

  /** A pending step: visit an instruction, or leave a fold's iterator scope. */
  private record Step(Instruction instruction, String leaveIterator) {}

  private void run(Instruction root) {
    Deque<Step> stack = new ArrayDeque<>();
    stack.push(new Step(root, null));
    while (!stack.isEmpty()) {
      Step step = stack.pop();
      if (step.leaveIterator() != null) {
        activeIterators.merge(step.leaveIterator(), -1, Integer::sum);
        continue;
      }
      Instruction instruction = step.instruction();
      switch (instruction.kind()) {
        case CALL -> {
          Instruction.Call call = (Instruction.Call) instruction;
          use(call, call.peer());
          use(call, call.service());
          use(call, call.function());
          for (Value arg : call.args()) {
            use(call, arg);
          }
          call.output().ifPresent(this::define);
        }
        case SEQ -> {
          Instruction.Seq seq = (Instruction.Seq) instruction;
          pushChildren(stack, seq.left(), seq.right());
        }
        case PAR -> {
          Instruction.Par par = (Instruction.Par) instruction;
          pushChildren(stack, par.left(), par.right());
        }
        case XOR -> {
          Instruction.Xor xor = (Instruction.Xor) instruction;
          pushChildren(stack, xor.left(), xor.right());
        }
        case NEW -> stack.push(new Step(((Instruction.New) instruction).body(), null));
        case FOLD -> {
          Instruction.Fold fold = (Instruction.Fold) instruction;
          use(fold, fold.iterable());
          if (activeIterators.getOrDefault(fold.iterator(), 0) > 0) {
            throw error(
                fold, "multiple iterable values found for iterator name '" + fold.iterator() + "'");
          }
          activeIterators.merge(fold.iterator(), 1, Integer::sum);
          scalars.add(fold.iterator());
          stack.push(new Step(null, fold.iterator()));
          fold.last().ifPresent(last -> stack.push(new Step(last, null)));
          stack.push(new Step(fold.body(), null));
        }
        case NEXT -> {
          Instruction.Next next = (Instruction.Next) instruction;
          if (activeIterators.getOrDefault(next.iterator(), 0) <= 0) {
            throw error(next, "iterable '" + next.iterator() + "' wasn't defined");
          }
        }
        case MATCH -> {
          Instruction.Match match = (Instruction.Match) instruction;
          use(match, match.left());
          use(match, match.right());
          stack.push(new Step(match.body(), null));
        }
        case AP -> {
          Instruction.Ap ap = (Instruction.Ap) instruction;
          use(ap, ap.argument());
          define(ap.result());
        }
        case AP_MAP -> {
          Instruction.ApMap ap = (Instruction.ApMap) instruction;
          use(ap, ap.key());
          use(ap, ap.value());
        }
        case CANON -> {
          Instruction.Canon canon = (Instruction.Canon) instruction;
          use(canon, canon.peer());
          if (canon.targetKind() == VariableKind.SCALAR) {
            scalars.add(canon.target());
          } else {
            canons.add(canon.target());
          }
        }
        case FAIL -> {
          Instruction.Fail fail = (Instruction.Fail) instruction;
          if (fail.form() instanceof Instruction.FailValue value) {
            use(fail, value.value());
          }
        }
        case NEVER, NULL -> {}
        default -> throw new IllegalStateException("unknown instruction " + instruction);
      }
    }
  }

  private void pushChildren(Deque<Step> stack, Instruction left, Instruction right) {
    stack.push(new Step(right, null));
    stack.push(new Step(left, null));
  }

  private void define(Instruction.Output output) {
    if (output.kind() == VariableKind.SCALAR) {
      scalars.add(output.name());
    }
  }

  private void use(Instruction instruction, Value value) {
    if (!(value instanceof Value.Variable variable)) {
      if (value instanceof Value.ErrorRef ref) {
        useLens(instruction, ref.lens());
      }
      return;
    }
    switch (variable.kind()) {
      case SCALAR -> {
        if (!scalars.contains(variable.name())) {
          throw undefined(instruction, variable.name());
        }
      }
      case CANON_STREAM, CANON_MAP -> {
        if (!canons.contains(variable.name())) {
          throw undefined(instruction, variable.name());
        }
      }
      default -> {}
    }
    useLens(instruction, variable.lens());
  }

  private void useLens(Instruction instruction, Lens lens) {
    if (lens instanceof Lens.Path path) {
      List<Lens.Accessor> accessors = path.accessors();
      for (Lens.Accessor accessor : accessors) {
        if (accessor instanceof Lens.ByScalar byScalar && !scalars.contains(byScalar.scalar())) {
          throw undefined(instruction, byScalar.scalar());
        }
      }
    }
  }

  private AirSyntaxException undefined(Instruction instruction, String name) {
    return error(instruction, "variable '" + name + "' wasn't defined");
  }

  private AirSyntaxException error(Instruction instruction, String reason) {
    int id = instruction.id();
    int end = id < ends.length ? ends[id] : source.length();
    return AirSyntaxException.at(source, instruction.position(), end, reason);
  }
}
