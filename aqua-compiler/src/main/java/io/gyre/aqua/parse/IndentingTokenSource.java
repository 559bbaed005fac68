package io.gyre.aqua.parse;

import io.gyre.aqua.grammar.AquaLexer;
import io.gyre.aqua.grammar.AquaParser;
import io.gyre.aqua.source.Pos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Turns the lexer's newlines into Aqua's block structure: one NL at the end of every logical line
 * and INDENT / DEDENT where the indentation grows or shrinks. Blank and comment-only lines do not
 * count; newlines inside brackets or right after a comma continue the line. A line may only be
 * indented deeper than the one before it when that one opens a block (ends with ':').
 */
final class IndentingTokenSource implements TokenSource {
  private final AquaLexer lexer;
  private final Deque<Token> pending = new ArrayDeque<>();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private final List<IndentationError> errors = new ArrayList<>();
  private int brackets;
  private Token lastEmitted;
  private boolean lineHasTokens;
  private boolean finished;

  /** A line whose indentation fits no enclosing block. */
  record IndentationError(Pos pos, String message) {}

  IndentingTokenSource(AquaLexer lexer) {
    this.lexer = lexer;
    indents.push(0);
  }

  List<IndentationError> errors() {
    return errors;
  }

  @Override
  public Token nextToken() {
    while (pending.isEmpty()) {
      fill();
    }
    Token token = pending.poll();
    lastEmitted = token;
    return token;
  }

  private void fill() {
    Token token = lexer.nextToken();
    switch (token.getType()) {
      case AquaLexer.NL -> onNewline(token);
      case Token.EOF -> onEof(token);
      case AquaLexer.LPAREN, AquaLexer.LBRACK, AquaLexer.LBRACE -> {
        brackets++;
        emitOnLine(token);
      }
      case AquaLexer.RPAREN, AquaLexer.RBRACK, AquaLexer.RBRACE -> {
        brackets = Math.max(0, brackets - 1);
        emitOnLine(token);
      }
      default -> emitOnLine(token);
    }
  }

  private void emitOnLine(Token token) {
    if (!lineHasTokens && lastEmitted == null && token.getCharPositionInLine() > 0) {
      // The very first line of the file is indented: nothing encloses it.
      errors.add(
          new IndentationError(
              new Pos(token.getLine(), 1, token.getCharPositionInLine()),
              "unexpected indentation: the first line of a file must start at column 1"));
    }
    lineHasTokens = true;
    pending.add(token);
  }

  private void onNewline(Token newline) {
    if (brackets > 0 || !lineHasTokens || isComma(lastEmitted)) {
      return; // the logical line goes on (or there was none)
    }
    Token previous = lastEmitted;
    Token next = lexer.nextToken();
    while (next.getType() == AquaLexer.NL) {
      next = lexer.nextToken();
    }
    pending.add(synthetic(AquaParser.NL, "\\n", newline));
    lineHasTokens = false;
    if (next.getType() == Token.EOF) {
      onEof(next);
      return;
    }
    int indent = next.getCharPositionInLine();
    int current = indents.peek();
    if (indent > current) {
      if (previous != null && previous.getType() == AquaLexer.COLON) {
        indents.push(indent);
        pending.add(synthetic(AquaParser.INDENT, "<indent>", next));
      } else {
        errors.add(
            new IndentationError(
                new Pos(next.getLine(), 1, indent + 1),
                "inconsistent indentation: this line is indented deeper than the line before it,"
                    + " which does not open a block"));
      }
    } else {
      while (indent < indents.peek()) {
        indents.pop();
        pending.add(synthetic(AquaParser.DEDENT, "<dedent>", next));
      }
      if (indent > indents.peek()) {
        errors.add(
            new IndentationError(
                new Pos(next.getLine(), 1, indent + 1),
                "inconsistent indentation: this line lines up with no enclosing block"));
      }
    }
    fill(next);
  }

  private void fill(Token token) {
    // Re-dispatch a token read ahead while measuring indentation.
    switch (token.getType()) {
      case AquaLexer.LPAREN, AquaLexer.LBRACK, AquaLexer.LBRACE -> brackets++;
      case AquaLexer.RPAREN, AquaLexer.RBRACK, AquaLexer.RBRACE ->
          brackets = Math.max(0, brackets - 1);
      default -> {}
    }
    lineHasTokens = true;
    pending.add(token);
  }

  private void onEof(Token eof) {
    if (finished) {
      pending.add(eof);
      return;
    }
    finished = true;
    if (lineHasTokens) {
      pending.add(synthetic(AquaParser.NL, "\\n", eof));
      lineHasTokens = false;
    }
    while (indents.size() > 1) {
      indents.pop();
      pending.add(synthetic(AquaParser.DEDENT, "<dedent>", eof));
    }
    pending.add(eof);
  }

  private static boolean isComma(Token token) {
    return token != null && token.getType() == AquaLexer.COMMA;
  }

  private Token synthetic(int type, String text, Token at) {
    CommonToken token = new CommonToken(at);
    token.setType(type);
    token.setText(text);
    token.setStopIndex(token.getStartIndex() - 1);
    return token;
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
