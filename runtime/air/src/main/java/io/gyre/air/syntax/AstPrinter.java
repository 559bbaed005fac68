package io.gyre.air.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Prints a parsed script as an indented tree, one instruction per line with its id: what {@code
 * gyre air parse} shows. Iterative, so any depth prints.
 */
public final class AstPrinter {
  private static final int MAX_INDENT = 64;

  private AstPrinter() {}

  private record Line(Instruction instruction, int depth, String label) {}

  public static String print(AirScript script) {
    StringBuilder out = new StringBuilder();
    Deque<Line> stack = new ArrayDeque<>();
    stack.push(new Line(script.root(), 0, ""));
    while (!stack.isEmpty()) {
      Line line = stack.pop();
      Instruction instruction = line.instruction();
      indent(out, line.depth());
      out.append(line.label());
      out.append(instruction.text().stripTrailing())
          .append("  #")
          .append(instruction.id())
          .append('\n');
      List<Line> children = children(instruction, line.depth() + 1);
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return out.toString();
  }

  /** Two spaces a level; past {@link #MAX_INDENT} levels the depth is written as a number. */
  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(Math.min(depth, MAX_INDENT)));
    if (depth > MAX_INDENT) {
      out.append('[').append(depth).append("] ");
    }
  }

  private static List<Line> children(Instruction instruction, int depth) {
    if (instruction instanceof Instruction.Seq seq) {
      return List.of(new Line(seq.left(), depth, ""), new Line(seq.right(), depth, ""));
    }
    if (instruction instanceof Instruction.Par par) {
      return List.of(new Line(par.left(), depth, ""), new Line(par.right(), depth, ""));
    }
    if (instruction instanceof Instruction.Xor xor) {
      return List.of(new Line(xor.left(), depth, ""), new Line(xor.right(), depth, "catch: "));
    }
    if (instruction instanceof Instruction.New n) {
      return List.of(new Line(n.body(), depth, ""));
    }
    if (instruction instanceof Instruction.Match match) {
      return List.of(new Line(match.body(), depth, ""));
    }
    if (instruction instanceof Instruction.Fold fold) {
      return fold.last().isPresent()
          ? List.of(new Line(fold.body(), depth, ""), new Line(fold.last().get(), depth, "last: "))
          : List.of(new Line(fold.body(), depth, ""));
    }
    return List.of();
  }
}
