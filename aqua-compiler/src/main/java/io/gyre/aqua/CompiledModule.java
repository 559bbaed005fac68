package io.gyre.aqua;

import java.util.List;
import java.util.Optional;

/** The exported functions of one compiled Aqua file. */
public record CompiledModule(String name, String file, List<CompiledFunction> functions) {

  public CompiledModule {
    functions = List.copyOf(functions);
  }

  public Optional<CompiledFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
