package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.aqua.CompiledFunction;
import io.gyre.cli.console.InputFiles;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a caller's JSON arguments to a compiled function's parameters: a JSON object by name or a
 * JSON array in order. Top-level options ({@code ?T}) take {@code null} or a value and reach the
 * script as AIR sees options, {@code []} or {@code [value]}, as js-client passes them.
 */
final class FunctionArguments {
  private FunctionArguments() {}

  /** The arguments by name; an {@link IllegalArgumentException} names what does not fit. */
  static Map<String, JsonNode> bind(CompiledFunction function, String json) {
    JsonNode given = parse(json);
    List<CompiledFunction.Argument> params = function.arguments();
    Map<String, JsonNode> bound = new LinkedHashMap<>();
    if (given.isArray()) {
      if (given.size() != params.size()) {
        throw new IllegalArgumentException(
            function.name()
                + " takes "
                + params.size()
                + " argument"
                + (params.size() == 1 ? "" : "s")
                + " ("
                + signature(function)
                + "), --args has "
                + given.size());
      }
      for (int i = 0; i < params.size(); i++) {
        bound.put(params.get(i).name(), asAir(params.get(i), given.get(i)));
      }
      return bound;
    }
    if (!given.isObject()) {
      throw new IllegalArgumentException(
          "--args must be a JSON object (by name) or array (in order), not " + given.getNodeType());
    }
    given
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (params.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(
                    function.name()
                        + " has no argument '"
                        + name
                        + "'; its arguments: "
                        + signature(function));
              }
            });
    for (CompiledFunction.Argument param : params) {
      JsonNode value = given.get(param.name());
      if (value == null && !param.type().startsWith("?")) {
        throw new IllegalArgumentException(
            "argument '"
                + param.name()
                + "' ("
                + param.type()
                + ") of "
                + function.name()
                + " is missing from --args");
      }
      bound.put(
          param.name(), asAir(param, value == null ? JsonNodeFactory.instance.nullNode() : value));
    }
    return bound;
  }

  static String signature(CompiledFunction function) {
    if (function.arguments().isEmpty()) {
      return "none";
    }
    return function.arguments().stream()
        .map(a -> a.name() + ": " + a.type())
        .collect(Collectors.joining(", "));
  }

  private static JsonNode asAir(CompiledFunction.Argument param, JsonNode value) {
    if (!param.type().startsWith("?")) {
      return value;
    }
    var array = JsonNodeFactory.instance.arrayNode();
    if (!value.isNull()) {
      array.add(value);
    }
    return array;
  }

  /** {@code --args}: JSON, or {@code @FILE} for the JSON in a file. */
  private static JsonNode parse(String json) {
    if (json.startsWith("@")) {
      Path file = Path.of(json.substring(1));
      return BoundedJson.read(
          InputFiles.text(file, "the --args file"), JsonLimits.DEFAULT, file.toString());
    }
    return BoundedJson.read(json, JsonLimits.DEFAULT, "--args");
  }
}
