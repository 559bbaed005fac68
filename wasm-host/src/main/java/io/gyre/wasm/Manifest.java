package io.gyre.wasm;

import java.util.List;
import java.util.Optional;

/**
 * What a module says about itself, in its custom section {@code gyre.manifest} (UTF-8 JSON; the
 * format is in wasm-host/README.md): its ABI, its functions with Aqua argument and result types,
 * and the data types they use.
 */
public record Manifest(
    String name, Abi abi, List<ServiceFunction> functions, List<DataType> types) {

  /** The name of the custom section that holds a manifest. */
  public static final String SECTION = "gyre.manifest";

  public Manifest {
    functions = List.copyOf(functions);
    types = List.copyOf(types);
  }

  public Optional<ServiceFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Optional<DataType> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
