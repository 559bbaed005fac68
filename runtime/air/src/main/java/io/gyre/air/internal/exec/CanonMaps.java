package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.internal.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** The views AquaVM gives of a stream map's key-value elements. */
final class CanonMaps {
  private CanonMaps() {}

  static String keyOf(Val element) {
    JsonNode key = element.node().get("key");
    return key.isTextual() ? key.textValue() : key.asText();
  }

  /** Key to the array of all its values, keys sorted: a canon map passed to a call. */
  static JsonNode grouped(List<Val> elements) {
    TreeMap<String, ArrayNode> groups = new TreeMap<>();
    for (Val element : elements) {
      groups
          .computeIfAbsent(keyOf(element), k -> Json.NODES.arrayNode())
          .add(element.node().get("value"));
    }
    ObjectNode object = Json.NODES.objectNode();
    groups.forEach(object::set);
    return object;
  }

  /** Key to its first value, keys sorted: {@code (canon peer %m scalar)}. */
  static JsonNode firstValues(List<Val> elements) {
    TreeMap<String, JsonNode> values = new TreeMap<>();
    for (Val element : elements) {
      values.putIfAbsent(keyOf(element), element.node().get("value"));
    }
    ObjectNode object = Json.NODES.objectNode();
    values.forEach(object::set);
    return object;
  }

  /** All values of one key, in order: {@code #%c.$.key}. */
  static ArrayNode valuesOf(List<Val> elements, String key) {
    ArrayNode array = Json.NODES.arrayNode();
    for (Val element : elements) {
      if (keyOf(element).equals(key)) {
        array.add(element.node().get("value"));
      }
    }
    return array;
  }

  /** One element per key, the last one, in the order of those last occurrences: a fold. */
  static List<Val> lastPerKey(List<Val> elements) {
    Set<String> seen = new HashSet<>();
    List<Val> reversed = new ArrayList<>();
    for (int i = elements.size() - 1; i >= 0; i--) {
      if (seen.add(keyOf(elements.get(i)))) {
        reversed.add(elements.get(i));
      }
    }
    java.util.Collections.reverse(reversed);
    return reversed;
  }
}
