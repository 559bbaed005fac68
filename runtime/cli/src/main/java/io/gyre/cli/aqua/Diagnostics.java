package io.gyre.cli.aqua;

import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints compile errors and warnings to stderr: {@code file:line:col}, the line and a caret. */
final class Diagnostics {
  private Diagnostics() {}

  static void print(CompileException e, PrintWriter err) {
    for (Diagnostic d : e.diagnostics()) {
      err.println(d.render());
    }
    int n = e.diagnostics().size();
    err.println(n + " error" + (n == 1 ? "" : "s"));
    err.flush();
  }

  /** The warnings of a successful compile (deprecated forms), each with its place and caret. */
  static void printWarnings(List<CompiledModule> modules, PrintWriter err) {
    modules.stream()
        .flatMap(m -> m.warnings().stream())
        .distinct()
        .forEach(w -> err.println(w.render()));
    err.flush();
  }
}
