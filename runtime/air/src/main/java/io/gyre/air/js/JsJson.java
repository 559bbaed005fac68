package io.gyre.air.js;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.js.internal.V8JsonParser;

/**
 * JSON as Node.js writes and reads it. js-client passes every call result to AquaVM as {@code
 * JSON.stringify(result, null, 4)}, and AquaVM quotes that text in its error messages ("error
 * message is '…'"), so a faithful peer needs the same bytes: JS number printing, JS key order,
 * {@code JSON.stringify}'s escapes. {@link #parse} is {@code JSON.parse} with V8's error messages
 * (what {@code json.parse} answers for bad input).
 */
public final class JsJson {
  private JsJson() {}

  /** {@code JSON.stringify(value)}. */
  public static String stringify(JsonNode value) {
    return stringify(value, 0);
  }

  /** {@code JSON.stringify(value, null, indent)}; js-client's call results use 4. */
  public static String stringify(JsonNode value, int indent) {
    StringBuilder out = new StringBuilder();
    write(out, value, " ".repeat(Math.max(0, Math.min(10, indent))), "");
    return out.toString();
  }

  /** {@code JSON.parse(text)}, with its JS semantics (doubles, key order, last duplicate wins). */
  public static JsonNode parse(String text) throws JsJsonSyntaxException {
    return V8JsonParser.parse(text);
  }

  private static void write(StringBuilder out, JsonNode value, String gap, String indent) {
    if (value.isTextual()) {
      quote(out, value.textValue());
    } else if (value.isNumber()) {
      double d = JsNumbers.toDouble(value);
      out.append(Double.isFinite(d) ? JsNumbers.toJsString(d) : "null");
    } else if (value.isBoolean()) {
      out.append(value.booleanValue());
    } else if (value.isArray()) {
      writeArray(out, value, gap, indent);
    } else if (value.isObject()) {
      writeObject(out, value, gap, indent);
    } else {
      out.append("null");
    }
  }

  private static void writeArray(StringBuilder out, JsonNode array, String gap, String indent) {
    if (array.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + gap;
    out.append('[');
    boolean first = true;
    for (JsonNode element : array) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(out, gap, inner);
      write(out, element, gap, inner);
    }
    newline(out, gap, indent);
    out.append(']');
  }

  private static void writeObject(StringBuilder out, JsonNode object, String gap, String indent) {
    if (object.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + gap;
    out.append('{');
    boolean first = true;
    for (String key : JsValues.ownKeys(object)) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(out, gap, inner);
      quote(out, key);
      out.append(gap.isEmpty() ? ":" : ": ");
      write(out, object.get(key), gap, inner);
    }
    newline(out, gap, indent);
    out.append('}');
  }

  private static void newline(StringBuilder out, String gap, String indent) {
    if (!gap.isEmpty()) {
      out.append('\n').append(indent);
    }
  }

  /** JSON.stringify's QuoteJSONString, including the escapes of lone surrogates. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
