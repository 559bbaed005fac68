package io.gyre.aqua.source;

/**
 * One compile error (or warning): where it is and what is wrong, in Gyre's own words. {@link
 * #render()} prints {@code file:line:col: message}, the source line and a caret under the offending
 * text.
 */
public record Diagnostic(SourceFile file, Pos pos, String message, Severity severity) {

  /** An error stops compilation; a warning (a deprecated form) does not. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic(SourceFile file, Pos pos, String message) {
    this(file, pos, message, Severity.ERROR);
  }

  /**
   * A failure of the compiler itself (a bug), reported at the statement being compiled instead of
   * escaping as an exception.
   *
   * <p>Every stage catches the same throwables as bugs: {@link RuntimeException}, {@link
   * AssertionError} (a broken invariant) and {@link LinkageError} (e.g. a static initialiser that
   * failed). A {@link StackOverflowError} is deep input and becomes "too deeply nested". Any other
   * {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link InternalError}) says the JVM
   * itself can no longer be trusted, so it is never caught: the peer hosting the compiler must see
   * it.
   */
  public static Diagnostic internal(SourceFile file, Pos pos, Throwable cause) {
    String where = file.displayName() + ":" + pos.line() + ":" + pos.column();
    return new Diagnostic(
        file, pos, "internal compiler error at " + where + ": " + cause + ", please report");
  }

  public static Diagnostic warning(SourceFile file, Pos pos, String message) {
    return new Diagnostic(file, pos, message, Severity.WARNING);
  }

  public String location() {
    return file.displayName() + ":" + pos.line() + ":" + pos.column();
  }

  public String render() {
    StringBuilder out =
        new StringBuilder(location())
            .append(severity == Severity.ERROR ? ": error: " : ": warning: ")
            .append(message);
    if (pos.line() > 0) {
      String text = file.line(pos.line());
      String gutter = pos.line() + " | ";
      out.append('\n').append(gutter).append(text).append('\n');
      out.append(" ".repeat(gutter.length()));
      for (int i = 1; i < pos.column() && i <= text.length(); i++) {
        out.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      int visible = Math.max(1, Math.min(pos.length(), text.length() - pos.column() + 1));
      out.append('^').append("~".repeat(visible - 1));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
