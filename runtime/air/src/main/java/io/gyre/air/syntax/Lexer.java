package io.gyre.air.syntax;

import java.util.ArrayList;
import java.util.List;

/** Splits AIR text into brackets, string literals and words; {@code ;} starts a comment. */
final class Lexer {

  enum Type {
    OPEN,
    CLOSE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    STRING,
    WORD,
    END
  }

  record Token(Type type, String text, int start, int end) {}

  private Lexer() {}

  static List<Token> tokenize(String source) {
    List<Token> tokens = new ArrayList<>(source.length() / 4 + 4);
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      switch (c) {
        case ' ', '\t', '\n', '\r' -> i++;
        case ';' -> {
          while (i < n && source.charAt(i) != '\n') {
            i++;
          }
        }
        case '(' -> tokens.add(new Token(Type.OPEN, "(", i, ++i));
        case ')' -> tokens.add(new Token(Type.CLOSE, ")", i, ++i));
        case '[' -> tokens.add(new Token(Type.OPEN_BRACKET, "[", i, ++i));
        case ']' -> tokens.add(new Token(Type.CLOSE_BRACKET, "]", i, ++i));
        case '"' -> {
          int close = source.indexOf('"', i + 1);
          if (close < 0) {
            throw AirSyntaxException.at(source, i, n, "unclosed string literal");
          }
          tokens.add(new Token(Type.STRING, source.substring(i + 1, close), i, close + 1));
          i = close + 1;
        }
        default -> {
          int start = i;
          while (i < n) {
            char d = source.charAt(i);
            if (d == '[' && i > start && source.charAt(i - 1) == '.') {
              // a lens index such as x.$.[0] or x.$.[i] belongs to the word
              int close = source.indexOf(']', i);
              if (close < 0) {
                throw AirSyntaxException.at(source, i, n, "unclosed '[' in a lens");
              }
              i = close + 1;
            } else if (isDelimiter(d)) {
              break;
            } else {
              i++;
            }
          }
          tokens.add(new Token(Type.WORD, source.substring(start, i), start, i));
        }
      }
    }
    tokens.add(new Token(Type.END, "", n, n));
    return tokens;
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '['
        || c == ']' || c == '"' || c == ';';
  }
}
