package io.gyre.wasm.internal.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.wasm.Abi;
import io.gyre.wasm.DataType;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.Manifest;
import io.gyre.wasm.NamedType;
import io.gyre.wasm.ServiceFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a manifest (the JSON of the {@code gyre.manifest} section) and checks its types. */
public final class ManifestParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ManifestParser() {}

  public static Manifest parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DeployException("manifest is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DeployException("manifest must be a JSON object");
    }
    String name = text(root, "name", "manifest");
    Abi abi = abi(text(root, "abi", "manifest"));
    List<DataType> types = new ArrayList<>();
    for (JsonNode type : array(root, "types", "manifest", true)) {
      String typeName = identifier(text(type, "name", "type"), "type");
      types.add(new DataType(typeName, namedTypes(type, "fields", "type " + typeName)));
    }
    List<ServiceFunction> functions = new ArrayList<>();
    for (JsonNode function : array(root, "functions", "manifest", false)) {
      String fnName = identifier(text(function, "name", "function"), "function");
      String where = "function " + fnName;
      String export =
          function.has("export")
              ? text(function, "export", where)
              : abi == Abi.WASI_COMMAND ? "_start" : fnName;
      Optional<String> result =
          function.hasNonNull("result")
              ? Optional.of(text(function, "result", where))
              : Optional.empty();
      functions.add(
          new ServiceFunction(fnName, export, namedTypes(function, "args", where), result));
    }
    Manifest manifest = new Manifest(name, abi, functions, types);
    check(manifest);
    return manifest;
  }

  private static void check(Manifest manifest) {
    AquaTypes types = new AquaTypes(manifest.types());
    Set<String> seen = new HashSet<>();
    for (DataType type : manifest.types()) {
      if (!seen.add(type.name())) {
        throw new DeployException("manifest declares type " + type.name() + " twice");
      }
      for (NamedType field : type.fields()) {
        types.check(field.type(), "field " + field.name() + " of type " + type.name());
      }
    }
    seen.clear();
    for (ServiceFunction function : manifest.functions()) {
      if (!seen.add(function.name())) {
        throw new DeployException("manifest declares function " + function.name() + " twice");
      }
      for (NamedType arg : function.args()) {
        types.check(arg.type(), "argument " + arg.name() + " of function " + function.name());
      }
      function.result().ifPresent(r -> types.check(r, "result of function " + function.name()));
    }
    if (manifest.abi() == Abi.WASI_COMMAND && manifest.functions().size() > 1) {
      throw new DeployException(
          "a wasi-command manifest declares one function (its _start), this one declares "
              + manifest.functions().size());
    }
  }

  private static Abi abi(String name) {
    for (Abi abi : Abi.values()) {
      if (abi.manifestName().equals(name)) {
        return abi;
      }
    }
    throw new DeployException(
        "manifest abi must be \"gyre\" or \"wasi-command\", not \"" + name + "\"");
  }

  private static List<NamedType> namedTypes(JsonNode node, String field, String where) {
    List<NamedType> list = new ArrayList<>();
    for (JsonNode item : array(node, field, where, true)) {
      String name = identifier(text(item, "name", where + " " + field), where + " " + field);
      list.add(new NamedType(name, text(item, "type", where + " " + field + " " + name)));
    }
    return list;
  }

  private static List<JsonNode> array(JsonNode node, String field, String where, boolean optional) {
    JsonNode value = node.get(field);
    if (value == null && optional) {
      return List.of();
    }
    if (value == null || !value.isArray()) {
      throw new DeployException(where + " needs an array \"" + field + "\"");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DeployException(where + " needs a string \"" + field + "\"");
    }
    return value.asText();
  }

  private static String identifier(String name, String where) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new DeployException(where + " name \"" + name + "\" is not an identifier");
    }
    return name;
  }
}
