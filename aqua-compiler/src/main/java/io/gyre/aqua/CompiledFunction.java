package io.gyre.aqua;

import java.util.List;

/**
 * One exported function compiled to AIR, with what a caller needs to call it: its arguments (in
 * order, by name and Aqua type) and the types of its results.
 */
public record CompiledFunction(
    String name, String air, List<Argument> arguments, List<String> results) {

  public CompiledFunction {
    arguments = List.copyOf(arguments);
    results = List.copyOf(results);
  }

  public record Argument(String name, String type) {}
}
