package io.gyre.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where {@link AquaFunction}s come from: the JSON {@code gyre aqua compile} writes ({@code
 * {"module", "file", "functions": {NAME: {"arguments", "results", "air"}}}}), or {@code .aqua}
 * files compiled here by Gyre's compiler.
 */
public final class AquaFunctions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AquaFunctions() {}

  /**
   * The exported function {@code name} of {@code file}: a {@code .aqua} file is compiled (imports
   * are looked for beside it and in {@code importRoots}), anything else is read as compiled JSON.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it does not compile, is not compiled JSON, or exports no
   *     such function (the message lists the exported ones)
   */
  public static AquaFunction load(Path file, String name, List<Path> importRoots)
      throws IOException {
    List<AquaFunction> functions =
        file.toString().endsWith(".aqua") ? compile(List.of(file), importRoots) : fromJson(file);
    return functions.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    file
                        + " exports no function '"
                        + name
                        + "'; exported: "
                        + String.join(", ", functions.stream().map(AquaFunction::name).toList())));
  }

  /** Every function in a JSON file written by {@code gyre aqua compile}. */
  public static List<AquaFunction> fromJson(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode functions = root == null ? null : root.get("functions");
    if (functions == null || !functions.isObject()) {
      throw new IllegalArgumentException(
          file + " is not what gyre aqua compile writes: no \"functions\" object");
    }
    List<AquaFunction> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = functions.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      out.add(function(file, entry.getKey(), entry.getValue()));
    }
    return out;
  }

  /**
   * Compiles {@code .aqua} files and returns their exported functions.
   *
   * @throws IllegalArgumentException with every compile error ({@code file:line:col: message})
   */
  public static List<AquaFunction> compile(List<Path> files, List<Path> importRoots)
      throws IOException {
    List<SourceFile> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(
          new SourceFile(
              file.toAbsolutePath(),
              file.toString(),
              Files.readString(file, StandardCharsets.UTF_8)));
    }
    return compileSources(sources, importRoots);
  }

  /**
   * Compiles Aqua source text (an app's own script, read from its class path, say) named {@code
   * fileName} in errors; imports are looked for in {@code importRoots}.
   *
   * @throws IllegalArgumentException with every compile error ({@code file:line:col: message})
   */
  public static List<AquaFunction> compileText(
      String fileName, String text, List<Path> importRoots) {
    return compileSources(
        List.of(new SourceFile(Path.of(fileName).toAbsolutePath(), fileName, text)), importRoots);
  }

  private static List<AquaFunction> compileSources(
      List<SourceFile> sources, List<Path> importRoots) {
    try {
      List<CompiledModule> modules =
          new AquaCompiler(new CompileOptions(importRoots, Map.of())).compile(sources);
      return modules.stream().flatMap(m -> m.functions().stream()).map(AquaFunction::of).toList();
    } catch (CompileException e) {
      throw new IllegalArgumentException(
          String.join("\n", e.diagnostics().stream().map(Object::toString).toList()), e);
    }
  }

  private static AquaFunction function(Path file, String name, JsonNode json) {
    JsonNode air = json.get("air");
    if (air == null || !air.isTextual()) {
      throw new IllegalArgumentException(file + ": function " + name + " has no \"air\" text");
    }
    List<AquaFunction.Argument> arguments = new ArrayList<>();
    for (JsonNode argument : json.path("arguments")) {
      arguments.add(
          new AquaFunction.Argument(
              argument.path("name").asText(), argument.path("type").asText()));
    }
    List<String> results = new ArrayList<>();
    json.path("results").forEach(r -> results.add(r.asText()));
    return new AquaFunction(name, air.textValue(), arguments, results);
  }
}
