package io.gyre.aqua.parse;

import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Counts how deep blocks and values nest while the AST is built, so that no later stage recurses
 * without bound: past {@link #MAX_DEPTH} the program is rejected as too deeply nested.
 */
final class NestingGuard {
  static final int MAX_DEPTH = 200;

  private int depth;

  /** Thrown past the limit; the parser turns it into one diagnostic at {@link #at()}. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ParserRuleContext at;

    TooDeep(ParserRuleContext at) {
      super("too deeply nested", null, false, false);
      this.at = at;
    }

    ParserRuleContext at() {
      return at;
    }
  }

  void enter(ParserRuleContext ctx) {
    if (++depth > MAX_DEPTH) {
      throw new TooDeep(ctx);
    }
  }

  void exit() {
    depth--;
  }
}
