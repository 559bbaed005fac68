package io.gyre.wasm.internal.module;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.gyre.wasm.Abi;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.HostCapability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a blueprint before it is accepted: every module is known, every import resolves to a host
 * function the blueprint allows or to an export of an earlier module with the same signature, and a
 * multi-module service is made of Gyre ABI modules.
 */
public final class BlueprintLinker {

  private BlueprintLinker() {}

  /**
   * The blueprint's modules in order; throws a {@link DeployException} naming the first problem.
   */
  public static List<LoadedModule> link(
      Blueprint blueprint, Map<String, LoadedModule> modulesById) {
    String where = "blueprint " + blueprint.name();
    Map<String, LoadedModule> earlier = new HashMap<>();
    List<LoadedModule> ordered = new ArrayList<>();
    for (BlueprintModule entry : blueprint.modules()) {
      LoadedModule module = modulesById.get(entry.module().hex());
      if (module == null) {
        throw new DeployException(
            where + ": module " + entry.name() + " (" + entry.module() + ") has not been added");
      }
      if (blueprint.modules().size() > 1 && module.description().abi() != Abi.GYRE) {
        throw new DeployException(
            where
                + ": module "
                + entry.name()
                + " is a WASI command; a service of several modules is made of Gyre ABI modules");
      }
      for (LoadedModule.FunctionImport imp : module.functionImports()) {
        checkImport(where + ", module " + entry.name(), imp, blueprint, earlier);
      }
      earlier.put(entry.name(), module);
      ordered.add(module);
    }
    return List.copyOf(ordered);
  }

  private static void checkImport(
      String where,
      LoadedModule.FunctionImport imp,
      Blueprint blueprint,
      Map<String, LoadedModule> earlier) {
    if (HostImports.isHostNamespace(imp.module())) {
      Optional<HostCapability> needed = HostImports.lookup(imp.module(), imp.name()).capability();
      if (needed.isPresent() && !blueprint.capabilities().contains(needed.get())) {
        throw new DeployException(
            where
                + ": import "
                + imp
                + " needs capability "
                + needed.get()
                + ", which the blueprint does not allow");
      }
      return;
    }
    LoadedModule target = earlier.get(imp.module());
    if (target == null) {
      throw new DeployException(
          where
              + ": import "
              + imp
              + " is not allowed: \""
              + imp.module()
              + "\" is neither a host namespace (gyre, wasi_snapshot_preview1) nor a module before it in the blueprint");
    }
    FunctionType exported = target.functionExports().get(imp.name());
    if (exported == null) {
      throw new DeployException(
          where
              + ": import "
              + imp
              + ": module "
              + imp.module()
              + " does not export "
              + imp.name());
    }
    if (!exported.equals(imp.type())) {
      throw new DeployException(
          where
              + ": import "
              + imp
              + " has signature "
              + AbiCheck.signature(imp.type())
              + ", the export has "
              + AbiCheck.signature(exported));
    }
  }
}
