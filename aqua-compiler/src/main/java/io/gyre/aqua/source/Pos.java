package io.gyre.aqua.source;

/**
 * Where a piece of source text is: 1-based line and column of its first character and how many
 * characters of that line it covers (at least one, for the caret).
 */
public record Pos(int line, int column, int length) {

  public static final Pos NONE = new Pos(0, 0, 1);

  public Pos {
    length = Math.max(1, length);
  }

  /** The span from the start of this position to the end of {@code other} if on the same line. */
  public Pos to(Pos other) {
    if (other.line != line || other.column < column) {
      return this;
    }
    return new Pos(line, column, Math.max(length, other.column + other.length - column));
  }
}
