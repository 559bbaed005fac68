package io.gyre.wasm;

import java.util.List;
import java.util.Optional;

/**
 * A function a module offers, as its manifest declares it.
 *
 * @param name the name callers use (and Aqua sees)
 * @param export the wasm export that runs it: the same as {@code name} for the Gyre ABI, {@code
 *     _start} for a WASI command
 * @param result the Aqua result type; empty for a function that returns nothing
 */
public record ServiceFunction(
    String name, String export, List<NamedType> args, Optional<String> result) {

  public ServiceFunction {
    args = List.copyOf(args);
  }
}
