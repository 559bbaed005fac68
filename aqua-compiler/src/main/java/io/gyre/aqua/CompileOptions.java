package io.gyre.aqua;

import io.gyre.aqua.model.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to compile: where imports are looked for (after the importing file's directory), and values
 * for constants declared with {@code ?=}.
 */
public record CompileOptions(List<Path> importRoots, Map<String, Value.Literal> constants) {

  public CompileOptions {
    importRoots = List.copyOf(importRoots);
    constants = Map.copyOf(constants);
  }

  public static CompileOptions defaults() {
    return new CompileOptions(List.of(), Map.of());
  }

  public CompileOptions withImportRoots(List<Path> roots) {
    return new CompileOptions(roots, constants);
  }
}
