package io.gyre.wasm.internal.instance;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.wasm.ModuleDescription;
import io.gyre.wasm.NamedType;
import io.gyre.wasm.ServiceFunction;
import io.gyre.wasm.internal.module.AquaTypes;
import java.util.List;
import java.util.Optional;

/**
 * Checks call arguments before any wasm runs: a JSON array, and with a manifest, as many arguments
 * as the function declares, each of its declared type.
 */
final class ArgumentCheck {

  private final boolean typed;
  private final AquaTypes types;

  ArgumentCheck(ModuleDescription module) {
    this.typed = module.manifest().isPresent();
    this.types = new AquaTypes(module.manifest().map(m -> m.types()).orElse(List.of()));
  }

  /** Why the arguments do not fit the function; empty when they do. */
  Optional<String> mismatch(ServiceFunction function, JsonNode arguments) {
    if (!arguments.isArray()) {
      return Optional.of(
          "arguments must be a JSON array, got "
              + arguments.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (!typed) {
      return Optional.empty();
    }
    List<NamedType> declared = function.args();
    if (arguments.size() != declared.size()) {
      return Optional.of(
          "expected "
              + declared.size()
              + " argument"
              + (declared.size() == 1 ? "" : "s")
              + " ("
              + String.join(", ", declared.stream().map(a -> a.name() + ": " + a.type()).toList())
              + "), got "
              + arguments.size());
    }
    for (int i = 0; i < declared.size(); i++) {
      Optional<String> wrong = types.mismatch(declared.get(i).type(), arguments.get(i));
      if (wrong.isPresent()) {
        return Optional.of("argument " + declared.get(i).name() + ": " + wrong.get());
      }
    }
    return Optional.empty();
  }
}
