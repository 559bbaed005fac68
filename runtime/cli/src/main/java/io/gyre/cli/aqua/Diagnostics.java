package io.gyre.cli.aqua;

import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import java.io.PrintWriter;

/** Prints compile errors to stderr: {@code file:line:col}, the line and a caret. */
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
}
