package io.gyre.aqua.parse;

import io.gyre.aqua.grammar.AquaLexer;
import io.gyre.aqua.grammar.AquaParser;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words a syntax error: what was found where, and what the grammar would have accepted. */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static String describe(Token token, Recognizer<?, ?> recognizer) {
    String found = found(token);
    IntervalSet expected =
        recognizer instanceof Parser p ? p.getExpectedTokens() : new IntervalSet();
    if (expected.contains(AquaParser.INDENT) && token.getType() != AquaParser.INDENT) {
      return "syntax error: expected an indented block after ':', found " + found;
    }
    if (token.getType() == AquaParser.INDENT) {
      return "syntax error: unexpected indentation";
    }
    String wanted = expectedList(expected);
    return "syntax error: unexpected " + found + (wanted.isEmpty() ? "" : ", expected " + wanted);
  }

  /** The line ended (or went on) where the grammar wanted more. */
  static String unexpectedEndOfLine(Recognizer<?, ?> recognizer) {
    IntervalSet expected =
        recognizer instanceof Parser p ? p.getExpectedTokens() : new IntervalSet();
    String wanted = expectedList(expected);
    return "syntax error: unexpected end of line"
        + (wanted.isEmpty() ? "" : ", expected " + wanted);
  }

  private static String found(Token token) {
    return switch (token.getType()) {
      case Token.EOF -> "end of file";
      case AquaParser.NL -> "end of line";
      case AquaParser.DEDENT -> "end of block";
      default -> "'" + token.getText() + "'";
    };
  }

  private static String expectedList(IntervalSet expected) {
    if (expected.size() == 0 || expected.size() > 6) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int type : expected.toList()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(tokenName(type));
    }
    return out.toString();
  }

  private static String tokenName(int type) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case AquaParser.NL -> "end of line";
      case AquaParser.INDENT -> "an indented block";
      case AquaParser.DEDENT -> "end of block";
      case AquaLexer.LOWER_ID -> "a name";
      case AquaLexer.UPPER_ID -> "a Capitalised name";
      case AquaLexer.STRING -> "a string";
      case AquaLexer.INT, AquaLexer.FLOAT -> "a number";
      default -> {
        String literal = AquaLexer.VOCABULARY.getLiteralName(type);
        yield literal != null ? literal : AquaLexer.VOCABULARY.getSymbolicName(type);
      }
    };
  }
}
