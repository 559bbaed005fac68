package io.gyre.aqua.source;

import java.util.List;

/** A stage found errors in the program; they are reported together. */
public final class CompileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public CompileException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "compile error" : diagnostics.get(0).toString());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
