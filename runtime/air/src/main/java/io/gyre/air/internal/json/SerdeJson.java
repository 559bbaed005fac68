package io.gyre.air.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text as AquaVM (serde_json) prints values in its own error messages: compact, object keys
 * sorted, floats with a fractional digit. JavaScript's {@code JSON.stringify} (how js-client passes
 * results) is {@link io.gyre.air.js.JsJson}, the one writer for that form.
 */
public final class SerdeJson {
  private SerdeJson() {}

  /** serde_json's {@code to_string}: compact, object keys sorted. */
  public static String compact(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      out.append("null");
    } else if (v.isTextual()) {
      quote(out, v.textValue());
    } else if (v.isBoolean()) {
      out.append(v.booleanValue());
    } else if (v.isIntegralNumber()) {
      out.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      out.append(rustFloat(v.doubleValue()));
    } else if (v.isArray()) {
      out.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, v.get(i));
      }
      out.append(']');
    } else if (v.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(v.size());
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        fields.add(it.next());
      }
      fields.sort(Map.Entry.comparingByKey());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : fields) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(out, field.getKey());
        out.append(':');
        write(out, field.getValue());
      }
      out.append('}');
    } else {
      out.append(v.toString());
    }
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
