package io.gyre.air.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON values as a JS program holds them after {@code JSON.parse}: numbers are doubles, and an
 * object's keys come in JS property order (array-index keys first, ascending, then the others in
 * insertion order). js-client hands every call's arguments to its handlers that way, so the
 * builtins and the mocks see what the real ones see.
 */
public final class JsValues {
  private static final long MAX_ARRAY_INDEX = 4294967294L;

  private JsValues() {}

  /** The value {@code JSON.parse(JSON.stringify(value))} gives a JS program, as JSON. */
  public static JsonNode normalize(JsonNode value) {
    if (value.isNumber()) {
      return JsNumbers.normalize(value);
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
      for (JsonNode element : value) {
        out.add(normalize(element));
      }
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String key : ownKeys(value)) {
        out.set(key, normalize(value.get(key)));
      }
      return out;
    }
    if (value.isMissingNode()) {
      return JsonNodeFactory.instance.nullNode();
    }
    return value;
  }

  /** The arguments of a call, each {@link #normalize normalized}. */
  public static List<JsonNode> normalize(List<JsonNode> values) {
    List<JsonNode> out = new ArrayList<>(values.size());
    for (JsonNode value : values) {
      out.add(normalize(value));
    }
    return out;
  }

  /** An object's keys in JS property order ({@code Object.keys}). */
  public static List<String> ownKeys(JsonNode object) {
    List<String> indices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      (isArrayIndex(key) ? indices : others).add(key);
    }
    if (indices.isEmpty()) {
      return others;
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indices.addAll(others);
    return indices;
  }

  /** A canonical decimal integer in [0, 2^32 - 2]: JS orders such keys first. */
  static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= MAX_ARRAY_INDEX;
  }

  /**
   * The JS type name zod reports for a JSON value: {@code string number boolean null array object}.
   */
  public static String typeName(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isObject()) {
      return "object";
    }
    return "null";
  }

  /**
   * JS SameValueZero ({@code Set}, {@code Array.prototype.includes}) for values that came from
   * separate {@code JSON.parse} calls: primitives compare by value ({@code -0} equals {@code 0});
   * arrays and objects are distinct references and never equal.
   */
  public static boolean sameValueZero(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return JsNumbers.toDouble(a) == JsNumbers.toDouble(b);
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    return a.isNull() && b.isNull();
  }
}
