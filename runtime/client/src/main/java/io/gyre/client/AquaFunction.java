package io.gyre.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.aqua.CompiledFunction;
import io.gyre.client.internal.ArgumentBinder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Aqua function compiled to AIR, ready to {@link GyreClient#call}: its AIR, its arguments (name
 * and Aqua type, in order) and the types of its results. Made by Gyre's compiler: {@link
 * AquaFunctions} loads the JSON {@code gyre aqua compile} writes or compiles {@code .aqua} files.
 *
 * @param results the result types; none means the function sends no response
 */
public record AquaFunction(
    String name, String air, List<Argument> arguments, List<String> results) {

  /** One parameter: its name and Aqua type ({@code string}, {@code ?u32}, {@code []Peer}, …). */
  public record Argument(String name, String type) {
    public Argument {
      Objects.requireNonNull(name, "argument name");
      Objects.requireNonNull(type, "argument type");
    }

    /** A top-level option ({@code ?T}): AIR sees it as an array of zero or one value. */
    public boolean isOption() {
      return type.startsWith("?");
    }
  }

  public AquaFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(air, "air");
    arguments = List.copyOf(arguments);
    results = List.copyOf(results);
  }

  /** The function as Gyre's compiler made it in this process. */
  public static AquaFunction of(CompiledFunction compiled) {
    return new AquaFunction(
        compiled.name(),
        compiled.air(),
        compiled.arguments().stream().map(a -> new Argument(a.name(), a.type())).toList(),
        compiled.results());
  }

  /**
   * The arguments by name as the script gets them ({@code getDataSrv}), from Java values by name
   * (converted with Jackson). An option takes {@code null}, an {@code Optional} or a value, as
   * js-client's functions do.
   *
   * @throws IllegalArgumentException naming an argument that is missing or unknown
   */
  public Map<String, JsonNode> bind(Map<String, ?> values) {
    return ArgumentBinder.byName(this, values);
  }

  /** The arguments from Java values in order; see {@link #bind(Map)}. */
  public Map<String, JsonNode> bindInOrder(List<?> values) {
    return ArgumentBinder.inOrder(this, values);
  }

  /** {@code name: type, …}, or {@code none}. */
  public String signature() {
    if (arguments.isEmpty()) {
      return "none";
    }
    return String.join(", ", arguments.stream().map(a -> a.name() + ": " + a.type()).toList());
  }
}
