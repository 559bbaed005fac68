package io.gyre.aqua;

import io.gyre.aqua.source.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The exported functions of one compiled Aqua file, and the warnings about it and the files it
 * imports (deprecated forms the compiler still accepts).
 */
public record CompiledModule(
    String name, String file, List<CompiledFunction> functions, List<Diagnostic> warnings) {

  public CompiledModule {
    functions = List.copyOf(functions);
    warnings = List.copyOf(warnings);
  }

  public CompiledModule(String name, String file, List<CompiledFunction> functions) {
    this(name, file, functions, List.of());
  }

  public Optional<CompiledFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
