package io.gyre.air.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * compare.mjs's canonical JSON (object keys sorted) and its order-insensitive forms. A missing
 * value stands for JS's {@code undefined}: its canonical form is {@code null} (Java), which joins
 * into an array as nothing, as JS's {@code join} has it.
 */
public final class CanonicalJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CanonicalJson() {}

  /** The canonical text of a value; {@code null} for a missing one (JS undefined). */
  public static String canon(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return null;
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> parts.add(orEmpty(canon(element))));
      return "[" + String.join(",", parts) + "]";
    }
    if (value.isObject()) {
      List<String> keys = new ArrayList<>();
      value.fieldNames().forEachRemaining(keys::add);
      keys.sort(Comparator.naturalOrder());
      List<String> parts = new ArrayList<>();
      for (String key : keys) {
        parts.add(JsJson.stringify(NODES.textNode(key)) + ":" + orEmpty(canon(value.get(key))));
      }
      return "{" + String.join(",", parts) + "}";
    }
    return JsJson.stringify(value);
  }

  /** The canonical text of a tuple of values (compare.mjs's {@code canon([a, b, …])}). */
  public static String canonTuple(JsonNode... values) {
    List<String> parts = new ArrayList<>();
    for (JsonNode v : values) {
      parts.add(orEmpty(canon(v)));
    }
    return "[" + String.join(",", parts) + "]";
  }

  /** Every array sorted recursively, by the canonical text of its (sorted) elements. */
  public static JsonNode deepSort(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return value;
    }
    if (value.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      value.forEach(element -> elements.add(deepSort(element)));
      elements.sort(Comparator.comparing(CanonicalJson::canon));
      return NODES.arrayNode().addAll(elements);
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (String key : JsValues.ownKeys(value)) {
        out.set(key, deepSort(value.get(key)));
      }
      return out;
    }
    return value;
  }

  /**
   * The order-insensitive form of a response: every array sorted, except that the tuple of several
   * return values ({@code arity > 1}) keeps its positions and only its values are sorted.
   */
  public static JsonNode sortResponse(JsonNode value, int arity) {
    if (arity > 1 && value != null && value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
        out.add(deepSort(it.next()));
      }
      return out;
    }
    return deepSort(value);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
