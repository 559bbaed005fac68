package io.gyre.wasm;

import java.util.List;
import java.util.Optional;

/**
 * What a deployed module is: its id and ABI, its manifest (if it has one), the service functions
 * callers can use, its imports and memory, and the Aqua declaration of its service.
 *
 * @param functions the callable functions: the manifest's, or without a manifest every export with
 *     the ABI's signature (argument and result types then unknown)
 * @param imports every import as {@code module.name}
 * @param aquaService the Aqua {@code data} and {@code service} declarations; empty without a
 *     manifest, since Aqua needs the types
 */
public record ModuleDescription(
    ModuleId id,
    int sizeBytes,
    Abi abi,
    Optional<Manifest> manifest,
    List<ServiceFunction> functions,
    List<String> imports,
    int initialMemoryPages,
    Optional<Integer> maximumMemoryPages,
    Optional<String> aquaService) {

  public ModuleDescription {
    functions = List.copyOf(functions);
    imports = List.copyOf(imports);
  }

  public Optional<ServiceFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
