package io.gyre.air.syntax;

/**
 * AIR that cannot run: a syntax error or a use of an undefined variable or iterator. Carries the
 * 1-based line and column, a message, and the offending text.
 */
public final class AirSyntaxException extends RuntimeException {
  private final int line;
  private final int column;
  private final String reason;
  private final String offendingText;

  public AirSyntaxException(int line, int column, String reason, String offendingText) {
    super(line + ":" + column + ": " + reason + " at '" + offendingText + "'");
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.offendingText = offendingText;
  }

  /** Builds the error for an offset into {@code source}, quoting at most one line of it. */
  static AirSyntaxException at(String source, int offset, int endOffset, String reason) {
    int line = 1;
    int lineStart = 0;
    int safeOffset = Math.max(0, Math.min(offset, source.length()));
    for (int i = 0; i < safeOffset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int end = Math.max(safeOffset, Math.min(endOffset, source.length()));
    int newline = source.indexOf('\n', safeOffset);
    if (newline >= 0 && newline < end) {
      end = newline;
    }
    if (end - safeOffset > 120) {
      end = safeOffset + 120;
    }
    return new AirSyntaxException(
        line, safeOffset - lineStart + 1, reason, source.substring(safeOffset, end));
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  public String offendingText() {
    return offendingText;
  }
}
