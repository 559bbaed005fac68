package io.gyre.air.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text as the two worlds around AquaVM print it: JavaScript's {@code JSON.stringify(v, null,
 * 4)} (how js-client passes service results, quoted in "Local service error" messages) and
 * serde_json's compact form with sorted keys (how AquaVM quotes values in its own messages).
 */
public final class JsText {
  private JsText() {}

  /** {@code JSON.stringify(value, null, 4)}. */
  public static String pretty(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, true, false);
    return out.toString();
  }

  /** serde_json's {@code to_string}: compact, object keys sorted. */
  public static String compact(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, false, true);
    return out.toString();
  }

  private static void write(
      StringBuilder out, JsonNode v, int depth, boolean pretty, boolean sortKeys) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      out.append("null");
    } else if (v.isTextual()) {
      quote(out, v.textValue());
    } else if (v.isBoolean()) {
      out.append(v.booleanValue());
    } else if (v.isIntegralNumber()) {
      out.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      out.append(pretty ? jsNumber(v.doubleValue()) : rustFloat(v.doubleValue()));
    } else if (v.isArray()) {
      if (v.size() == 0) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, depth + 1, pretty);
        write(out, v.get(i), depth + 1, pretty, sortKeys);
      }
      newline(out, depth, pretty);
      out.append(']');
    } else if (v.isObject()) {
      if (v.size() == 0) {
        out.append("{}");
        return;
      }
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(v.size());
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        fields.add(it.next());
      }
      if (sortKeys) {
        fields.sort(Map.Entry.comparingByKey());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : fields) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, depth + 1, pretty);
        quote(out, field.getKey());
        out.append(pretty ? ": " : ":");
        write(out, field.getValue(), depth + 1, pretty, sortKeys);
      }
      newline(out, depth, pretty);
      out.append('}');
    } else {
      out.append(v.toString());
    }
  }

  private static void newline(StringBuilder out, int depth, boolean pretty) {
    if (pretty) {
      out.append('\n');
      out.append("    ".repeat(depth));
    }
  }

  /**
   * JavaScript's Number.prototype.toString for finite doubles (JSON.stringify prints null
   * otherwise).
   */
  static String jsNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return Long.toString((long) d);
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    int exponent = Integer.parseInt(s.substring(e + 1));
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    if (exponent >= -6 && exponent < 21) {
      return new java.math.BigDecimal(d)
          .round(new java.math.MathContext(17))
          .stripTrailingZeros()
          .toPlainString();
    }
    return mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
  }

  /** serde_json (ryu) prints a float with at least one fractional digit. */
  static String rustFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return ((long) d) + ".0";
    }
    String s = Double.toString(d);
    return s.replace("E", "e");
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
