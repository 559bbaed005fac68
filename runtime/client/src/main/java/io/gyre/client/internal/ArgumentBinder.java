package io.gyre.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.client.AquaFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Java values to a function's arguments as AIR gets them (js-client's conversion of options). */
public final class ArgumentBinder {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArgumentBinder() {}

  public static Map<String, JsonNode> byName(AquaFunction function, Map<String, ?> values) {
    for (String name : values.keySet()) {
      if (function.arguments().stream().noneMatch(a -> a.name().equals(name))) {
        throw new IllegalArgumentException(
            function.name()
                + " has no argument '"
                + name
                + "'; its arguments: "
                + function.signature());
      }
    }
    Map<String, JsonNode> bound = new LinkedHashMap<>();
    for (AquaFunction.Argument argument : function.arguments()) {
      if (!values.containsKey(argument.name()) && !argument.isOption()) {
        throw new IllegalArgumentException(
            "argument '"
                + argument.name()
                + "' ("
                + argument.type()
                + ") of "
                + function.name()
                + " is missing");
      }
      bound.put(argument.name(), toAir(argument, values.get(argument.name())));
    }
    return bound;
  }

  public static Map<String, JsonNode> inOrder(AquaFunction function, List<?> values) {
    List<AquaFunction.Argument> arguments = function.arguments();
    if (values.size() != arguments.size()) {
      throw new IllegalArgumentException(
          function.name()
              + " takes "
              + arguments.size()
              + " argument"
              + (arguments.size() == 1 ? "" : "s")
              + " ("
              + function.signature()
              + "), not "
              + values.size());
    }
    Map<String, JsonNode> bound = new LinkedHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      bound.put(arguments.get(i).name(), toAir(arguments.get(i), values.get(i)));
    }
    return bound;
  }

  private static JsonNode toAir(AquaFunction.Argument argument, Object value) {
    Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (!argument.isOption()) {
      return json(plain);
    }
    var array = JsonNodeFactory.instance.arrayNode();
    JsonNode node = json(plain);
    if (!node.isNull()) {
      array.add(node);
    }
    return array;
  }

  /** A Java value as JSON: JSON nodes stay, anything else goes through Jackson. */
  public static JsonNode json(Object value) {
    if (value == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return MAPPER.valueToTree(value);
  }
}
