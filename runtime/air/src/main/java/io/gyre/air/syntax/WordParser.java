package io.gyre.air.syntax;

import java.util.ArrayList;
import java.util.List;

/** Reads one word of AIR (a number, a special name, or a variable with its lens) as a value. */
final class WordParser {
  private static final int MAX_FLOAT_CHARS = 11;

  private WordParser() {}

  static Value parse(String source, Lexer.Token token) {
    String word = token.text();
    switch (word) {
      case "%init_peer_id%":
        return new Value.InitPeerId();
      case "%ttl%":
        return new Value.Ttl();
      case "%timestamp%":
        return new Value.Timestamp();
      case "true":
        return new Value.Bool(true);
      case "false":
        return new Value.Bool(false);
      default:
        break;
    }
    if (word.startsWith("%last_error%")) {
      return new Value.ErrorRef(true, lens(source, token, "%last_error%".length()));
    }
    if (word.startsWith(":error:")) {
      return new Value.ErrorRef(false, lens(source, token, ":error:".length()));
    }
    if (looksNumeric(word)) {
      return number(source, token);
    }
    return variable(source, token);
  }

  private static boolean looksNumeric(String word) {
    int i = (word.charAt(0) == '-' || word.charAt(0) == '+') ? 1 : 0;
    if (i >= word.length()) {
      return false;
    }
    boolean digits = false;
    for (; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.') {
        if (!digits) {
          return false;
        }
        // a number: the rest must be digits (checked in number())
        return true;
      } else {
        return false;
      }
    }
    return digits;
  }

  private static Value number(String source, Lexer.Token token) {
    String word = token.text();
    int dot = word.indexOf('.');
    if (dot < 0) {
      try {
        return new Value.IntNumber(Long.parseLong(word.startsWith("+") ? word.substring(1) : word));
      } catch (NumberFormatException e) {
        throw error(source, token, "number too large to fit in target type");
      }
    }
    for (int i = dot + 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < '0' || c > '9') {
        throw AirSyntaxException.at(
            source, token.start() + i, token.end(), "a digit is expected in a number here");
      }
    }
    if (word.length() > MAX_FLOAT_CHARS) {
      throw error(
          source, token, "this float is too big, a float could contain less than 12 digits");
    }
    return new Value.FloatNumber(Double.parseDouble(word), word);
  }

  private static Value variable(String source, Lexer.Token token) {
    String word = token.text();
    VariableKind kind = VariableKind.SCALAR;
    int nameStart = 0;
    char first = word.charAt(0);
    if (first == '$') {
      kind = VariableKind.STREAM;
      nameStart = 1;
    } else if (first == '%') {
      kind = VariableKind.STREAM_MAP;
      nameStart = 1;
    } else if (first == '#') {
      kind = VariableKind.CANON_STREAM;
      nameStart = 1;
      if (word.length() > 1 && word.charAt(1) == '$') {
        nameStart = 2;
      } else if (word.length() > 1 && word.charAt(1) == '%') {
        kind = VariableKind.CANON_MAP;
        nameStart = 2;
      }
    }
    int dot = word.indexOf('.');
    int nameEnd = dot < 0 ? word.length() : dot;
    if (nameEnd <= nameStart) {
      throw error(source, token, "a variable name should be non empty");
    }
    // AquaVM refuses a one-character tagged name followed by a lens (e.g. #c.$.[0])
    if (dot >= 0 && kind != VariableKind.SCALAR && dot <= 2) {
      throw AirSyntaxException.at(
          source, token.start(), token.end(), "a canon name should be non empty");
    }
    for (int i = nameStart; i < nameEnd; i++) {
      char c = word.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw AirSyntaxException.at(
            source,
            token.start() + i,
            token.end(),
            "only alphanumeric, '_', and '-' characters are allowed in this position");
      }
    }
    Lens lens = dot < 0 ? Lens.NONE : lens(source, token, dot);
    return new Value.Variable(kind, word.substring(0, nameEnd), lens, token.start());
  }

  /** Parses {@code .length} or {@code .$.a.[0].[i]!} starting at {@code from} in the word. */
  private static Lens lens(String source, Lexer.Token token, int from) {
    String word = token.text();
    if (from == word.length()) {
      return Lens.NONE;
    }
    String text = word.substring(from);
    if (text.equals(".length")) {
      return new Lens.Length();
    }
    if (text.endsWith("!")) {
      text = text.substring(0, text.length() - 1);
    }
    if (!text.startsWith(".$")) {
      throw error(
          source, token, "invalid lens '" + text + "': a lens starts with .$ or is .length");
    }
    List<Lens.Accessor> accessors = new ArrayList<>();
    int i = 2;
    while (i < text.length()) {
      if (text.charAt(i) != '.') {
        throw error(source, token, "invalid lens '" + text + "': expected '.' at " + i);
      }
      i++;
      if (i < text.length() && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw error(source, token, "invalid lens '" + text + "': unclosed '['");
        }
        String inner = text.substring(i + 1, close);
        accessors.add(indexAccessor(source, token, text, inner));
        i = close + 1;
      } else {
        int start = i;
        while (i < text.length() && text.charAt(i) != '.') {
          char c = text.charAt(i);
          if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw error(source, token, "invalid lens '" + text + "': bad character '" + c + "'");
          }
          i++;
        }
        if (start == i) {
          throw error(source, token, "invalid lens '" + text + "': empty field name");
        }
        accessors.add(new Lens.Field(text.substring(start, i)));
      }
    }
    if (accessors.isEmpty()) {
      return new Lens.Path(List.of());
    }
    return new Lens.Path(accessors);
  }

  private static Lens.Accessor indexAccessor(
      String source, Lexer.Token token, String text, String inner) {
    if (inner.isEmpty()) {
      throw error(source, token, "invalid lens '" + text + "': empty index");
    }
    if (inner.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return new Lens.Index(Long.parseLong(inner));
      } catch (NumberFormatException e) {
        throw error(source, token, "invalid lens '" + text + "': index too large");
      }
    }
    for (int k = 0; k < inner.length(); k++) {
      char c = inner.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw error(source, token, "invalid lens '" + text + "': bad index '" + inner + "'");
      }
    }
    return new Lens.ByScalar(inner);
  }

  private static AirSyntaxException error(String source, Lexer.Token token, String reason) {
    return AirSyntaxException.at(source, token.start(), token.end(), reason);
  }
}
