package io.gyre.air.js.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJsonSyntaxException;
import io.gyre.air.js.JsNumbers;
import io.gyre.air.js.JsValues;
import java.util.Set;

/**
 * {@code JSON.parse} as V8 (Node 20) does it, down to which error it reports at which position:
 * {@code json.parse}'s error results are V8's messages, and a faithful builtin repeats them.
 */
public final class V8JsonParser {
  private static final int EOS = -1;
  private static final int MAX_DEPTH = 10_000;
  private static final int CONTEXT_CHARS = 10;
  private static final int SHORT_SOURCE = 2 * CONTEXT_CHARS;
  private static final Set<String> SPECIAL_SOURCES =
      Set.of("undefined", "NaN", "Infinity", "[object Object]");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String source;
  private int pos;
  private int depth;

  private V8JsonParser(String source) {
    this.source = source;
  }

  public static JsonNode parse(String source) throws JsJsonSyntaxException {
    V8JsonParser parser = new V8JsonParser(source);
    JsonNode value = parser.value();
    parser.skipWhitespace();
    if (parser.pos != source.length()) {
      throw parser.error("Unexpected non-whitespace character after JSON at position %");
    }
    return value;
  }

  private JsonNode value() throws JsJsonSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw new JsJsonSyntaxException("Maximum call stack size exceeded");
    }
    skipWhitespace();
    int c = current();
    JsonNode value;
    if (c == '"') {
      value = NODES.textNode(string());
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      value = number();
    } else if (c == '{') {
      value = object();
    } else if (c == '[') {
      value = array();
    } else if (c == 't') {
      literal("true");
      value = NODES.booleanNode(true);
    } else if (c == 'f') {
      literal("false");
      value = NODES.booleanNode(false);
    } else if (c == 'n') {
      literal("null");
      value = NODES.nullNode();
    } else {
      throw unexpected(c);
    }
    depth--;
    return value;
  }

  private JsonNode object() throws JsJsonSyntaxException {
    pos++;
    ObjectNode object = NODES.objectNode();
    skipWhitespace();
    if (current() == '}') {
      pos++;
      return object;
    }
    expectKey("Expected property name or '}' in JSON at position %");
    String key = string();
    skipWhitespace();
    expect(':', "Expected ':' after property name in JSON at position %");
    object.set(key, value());
    while (true) {
      skipWhitespace();
      if (current() != ',') {
        break;
      }
      pos++;
      skipWhitespace();
      expectKey("Expected double-quoted property name in JSON at position %");
      key = string();
      skipWhitespace();
      // V8 names the missing colon only after the first key; later ones get "Unexpected token".
      if (current() != ':') {
        throw unexpected(current());
      }
      pos++;
      object.set(key, value());
    }
    expect('}', "Expected ',' or '}' after property value in JSON at position %");
    return inJsOrder(object);
  }

  private JsonNode array() throws JsJsonSyntaxException {
    pos++;
    ArrayNode array = NODES.arrayNode();
    skipWhitespace();
    if (current() == ']') {
      pos++;
      return array;
    }
    while (true) {
      array.add(value());
      skipWhitespace();
      if (current() != ',') {
        break;
      }
      pos++;
    }
    expect(']', "Expected ',' or ']' after array element in JSON at position %");
    return array;
  }

  private static ObjectNode inJsOrder(ObjectNode object) {
    ObjectNode ordered = NODES.objectNode();
    for (String key : JsValues.ownKeys(object)) {
      ordered.set(key, object.get(key));
    }
    return ordered;
  }

  private String string() throws JsJsonSyntaxException {
    pos++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= source.length()) {
        throw error("Unterminated string in JSON at position %");
      }
      char c = source.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c == '\\') {
        pos++;
        escape(out);
        continue;
      }
      if (c < 0x20) {
        throw error("Bad control character in string literal in JSON at position %");
      }
      out.append(c);
      pos++;
    }
  }

  private void escape(StringBuilder out) throws JsJsonSyntaxException {
    int c = current();
    if (c == EOS || c > 0xff) {
      throw unexpected(c);
    }
    switch (c) {
      case '"', '\\', '/' -> out.append((char) c);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        int value = 0;
        for (int i = 0; i < 4; i++) {
          pos++;
          int digit = Character.digit(current(), 16);
          if (digit < 0 || current() > 'f') {
            throw error("Bad Unicode escape in JSON at position %");
          }
          value = value * 16 + digit;
        }
        out.append((char) value);
      }
      default -> throw error("Bad escaped character in JSON at position %");
    }
    pos++;
  }

  private JsonNode number() throws JsJsonSyntaxException {
    int start = pos;
    boolean negative = current() == '-';
    if (negative) {
      pos++;
    }
    if (current() == '0') {
      pos++;
      int c = current();
      if (isNumberPart(c)) {
        if (isDigit(c)) {
          throw unexpected(c);
        }
      } else if (!negative) {
        return JsNumbers.toNode(0);
      }
    } else {
      if (!isDigit(current())) {
        throw error("No number after minus sign in JSON at position %");
      }
      skipDigits();
    }
    if (current() == '.') {
      pos++;
      if (!isDigit(current())) {
        throw error("Unterminated fractional number in JSON at position %");
      }
      skipDigits();
    }
    if (current() == 'e' || current() == 'E') {
      pos++;
      if (current() == '-' || current() == '+') {
        pos++;
      }
      if (!isDigit(current())) {
        throw error("Exponent part is missing a number in JSON at position %");
      }
      skipDigits();
    }
    return JsNumbers.toNode(Double.parseDouble(source.substring(start, pos)));
  }

  private void literal(String word) throws JsJsonSyntaxException {
    if (source.startsWith(word, pos)) {
      pos += word.length();
      return;
    }
    int remaining = source.length() - pos;
    pos++;
    for (int i = 1; i < Math.min(word.length(), remaining); i++) {
      if (source.charAt(pos) != word.charAt(i)) {
        throw unexpected(source.charAt(pos));
      }
      pos++;
    }
    throw unexpected(EOS);
  }

  private void expectKey(String message) throws JsJsonSyntaxException {
    if (current() != '"') {
      throw error(message);
    }
  }

  private void expect(char c, String message) throws JsJsonSyntaxException {
    if (current() != c) {
      throw error(message);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void skipDigits() {
    while (isDigit(current())) {
      pos++;
    }
  }

  private int current() {
    return pos < source.length() ? source.charAt(pos) : EOS;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumberPart(int c) {
    return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
  }

  private JsJsonSyntaxException error(String template) {
    return new JsJsonSyntaxException(template.replace("%", Integer.toString(pos)));
  }

  /** V8's message for an unexpected character, by the kind of token it starts. */
  private JsJsonSyntaxException unexpected(int c) {
    if (c == EOS) {
      return new JsJsonSyntaxException("Unexpected end of JSON input");
    }
    if (c == '"') {
      return error("Unexpected string in JSON at position %");
    }
    if (c == '-' || isDigit(c)) {
      return error("Unexpected number in JSON at position %");
    }
    if (SPECIAL_SOURCES.contains(source)) {
      return new JsJsonSyntaxException("\"" + source + "\" is not valid JSON");
    }
    String token = "Unexpected token '" + (char) c + "', ";
    int length = source.length();
    String context;
    if (length <= SHORT_SOURCE) {
      context = "\"" + source + "\"";
    } else if (pos < CONTEXT_CHARS) {
      context = "\"" + source.substring(0, pos + CONTEXT_CHARS) + "\"...";
    } else if (pos < length - CONTEXT_CHARS) {
      context = "...\"" + source.substring(pos - CONTEXT_CHARS, pos + CONTEXT_CHARS) + "\"...";
    } else {
      context = "...\"" + source.substring(pos - CONTEXT_CHARS) + "\"";
    }
    return new JsJsonSyntaxException(token + context + " is not valid JSON");
  }
}
