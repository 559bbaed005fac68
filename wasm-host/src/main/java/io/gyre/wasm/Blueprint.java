package io.gyre.wasm;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a service is made of: modules in dependency order — each may import the exports of those
 * before it by their names — and the host functions they may use. The last module is the facade:
 * its functions are the service's functions.
 */
public record Blueprint(
    String name, List<BlueprintModule> modules, Set<HostCapability> capabilities) {

  public Blueprint {
    modules = List.copyOf(modules);
    capabilities = Set.copyOf(capabilities);
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("blueprint " + name + " has no modules");
    }
    Set<String> names = new HashSet<>();
    for (BlueprintModule module : modules) {
      if (!names.add(module.name())) {
        throw new IllegalArgumentException(
            "blueprint " + name + " names two modules " + module.name());
      }
    }
  }

  /** A one-module blueprint allowed every host capability. */
  public static Blueprint single(String name, ModuleId module) {
    return new Blueprint(
        name, List.of(new BlueprintModule(name, module)), EnumSet.allOf(HostCapability.class));
  }

  public BlueprintModule facade() {
    return modules.get(modules.size() - 1);
  }
}
