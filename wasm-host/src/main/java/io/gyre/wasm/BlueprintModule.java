package io.gyre.wasm;

/**
 * A module in a blueprint, with the name later modules import it by (as in {@code (import "NAME"
 * "function" …)}).
 */
public record BlueprintModule(String name, ModuleId module) {

  public BlueprintModule {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a blueprint module needs a name");
    }
  }
}
