package io.gyre.aqua.lower;

import io.gyre.aqua.check.Typing;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.util.List;

/**
 * State shared by the lowering of one exported function: the checker's findings, the name generator
 * and the errors only inlining can find.
 */
final class Lowering {
  /** Inlining deeper than this is a runaway (closures passed into themselves). */
  static final int MAX_INLINE_DEPTH = 64;

  final Typing typing;
  final NameGen names = new NameGen();
  final List<Diagnostic> diagnostics;
  final StmtLowerer stmts;
  final ValueLowerer values;
  final CallLowerer calls;
  final StreamOps streams;
  int inlineDepth;

  Lowering(Typing typing, List<Diagnostic> diagnostics) {
    this.typing = typing;
    this.diagnostics = diagnostics;
    this.streams = new StreamOps(this);
    this.values = new ValueLowerer(this);
    this.calls = new CallLowerer(this);
    this.stmts = new StmtLowerer(this);
  }

  /** An error found while inlining; lowering goes on with a placeholder. */
  void error(SourceFile file, Pos pos, String message) {
    diagnostics.add(new Diagnostic(file, pos, message));
  }

  /** A compiler bug met while lowering a statement: where, and what went wrong. */
  static final class Internal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Diagnostic diagnostic;

    Internal(Diagnostic diagnostic, Throwable cause) {
      super(diagnostic.message(), cause, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /** Thrown when inlining cannot go on at all. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }
}
