package io.gyre.aqua.parse;

import io.gyre.aqua.ast.Module;
import io.gyre.aqua.grammar.AquaLexer;
import io.gyre.aqua.grammar.AquaParser;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one Aqua file into the AST: SLL prediction first, full LL only when SLL fails; the first
 * syntax error is reported (later ones are usually echoes of it) together with any indentation
 * errors, each with its line and column.
 */
public final class AquaSourceParser {
  private AquaSourceParser() {}

  public static Module parse(SourceFile file) throws CompileException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      Module module = parse(file, diagnostics);
      if (diagnostics.isEmpty()) {
        return module;
      }
    } catch (NestingGuard.TooDeep e) {
      diagnostics.add(new Diagnostic(file, AstBuilder.pos(e.at()), "too deeply nested"));
    } catch (StackOverflowError e) {
      diagnostics.add(new Diagnostic(file, new Pos(1, 1, 1), "too deeply nested"));
    }
    diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.pos().line()));
    throw new CompileException(diagnostics);
  }

  private static Module parse(SourceFile file, List<Diagnostic> diagnostics) {
    IndentingTokenSource tokens = tokens(file, diagnostics);
    AquaParser parser = new AquaParser(new CommonTokenStream(tokens));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    AquaParser.FileContext tree;
    try {
      tree = parser.file();
    } catch (ParseCancellationException e) {
      diagnostics.clear();
      tokens = tokens(file, diagnostics);
      parser = new AquaParser(new CommonTokenStream(tokens));
      parser.removeErrorListeners();
      FirstSyntaxError listener = new FirstSyntaxError(file);
      parser.addErrorListener(listener);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      tree = parser.file();
      listener.first().ifPresent(diagnostics::add);
    }
    for (IndentingTokenSource.IndentationError e : tokens.errors()) {
      diagnostics.add(new Diagnostic(file, e.pos(), e.message()));
    }
    if (!diagnostics.isEmpty()) {
      // A tree built around syntax errors is not worth analysing further.
      dedupe(diagnostics);
      return null;
    }
    return new AstBuilder(file, diagnostics, new NestingGuard()).module(tree);
  }

  /** An indentation error also breaks the parse at the same line; keep the clearer message. */
  private static void dedupe(List<Diagnostic> diagnostics) {
    List<Diagnostic> indentation =
        diagnostics.stream()
            .filter(d -> d.message().startsWith("inconsistent indentation"))
            .toList();
    diagnostics.removeIf(
        d ->
            !d.message().startsWith("inconsistent indentation")
                && indentation.stream().anyMatch(i -> i.pos().line() <= d.pos().line()));
  }

  private static IndentingTokenSource tokens(SourceFile file, List<Diagnostic> diagnostics) {
    AquaLexer lexer = new AquaLexer(CharStreams.fromString(file.text(), file.displayName()));
    lexer.removeErrorListeners();
    lexer.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
            diagnostics.add(new Diagnostic(file, new Pos(line, col + 1, 1), "unreadable text"));
          }
        });
    return new IndentingTokenSource(lexer);
  }

  /** Keeps the first syntax error in Gyre's words. */
  private static final class FirstSyntaxError extends BaseErrorListener {
    private final SourceFile file;
    private Diagnostic first;

    FirstSyntaxError(SourceFile file) {
      this.file = file;
    }

    java.util.Optional<Diagnostic> first() {
      return java.util.Optional.ofNullable(first);
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offending,
        int line,
        int col,
        String msg,
        RecognitionException e) {
      if (first != null) {
        return;
      }
      Token token = (Token) offending;
      String message = SyntaxMessages.describe(token, recognizer);
      Token previous = previous(recognizer, token);
      if (previous != null && previous.getLine() < line && !synthetic(previous)) {
        // The line went on (an open bracket, a trailing comma) into a line that does not fit:
        // the mistake is at the end of the line before.
        int end = previous.getCharPositionInLine() + previous.getText().length();
        first =
            new Diagnostic(
                file,
                new Pos(previous.getLine(), end + 1, 1),
                SyntaxMessages.unexpectedEndOfLine(recognizer));
        return;
      }
      first = new Diagnostic(file, new Pos(line, col + 1, width(token)), message);
    }

    private static Token previous(Recognizer<?, ?> recognizer, Token token) {
      if (!(recognizer instanceof org.antlr.v4.runtime.Parser parser)
          || token.getTokenIndex() < 1) {
        return null;
      }
      return parser.getInputStream().get(token.getTokenIndex() - 1);
    }

    private static boolean synthetic(Token token) {
      int type = token.getType();
      return type == AquaParser.NL || type == AquaParser.INDENT || type == AquaParser.DEDENT;
    }

    private static int width(Token token) {
      String text = token.getText();
      return token.getType() == AquaLexer.NL || text == null ? 1 : text.length();
    }
  }
}
