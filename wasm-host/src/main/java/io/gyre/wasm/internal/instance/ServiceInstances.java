package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.gyre.wasm.Abi;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.internal.call.ContextSlot;
import io.gyre.wasm.internal.host.DeterministicWasi;
import io.gyre.wasm.internal.host.GyreHostFunctions;
import io.gyre.wasm.internal.module.HostImports;
import io.gyre.wasm.internal.module.LoadedModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The instantiated modules of one service, linked to each other and to the host functions, each
 * with fresh memory capped at the service's page limit.
 */
final class ServiceInstances implements AutoCloseable {

  private final Map<String, ModuleInstance> modules = new LinkedHashMap<>();
  private final List<DeterministicWasi> wasiInstances = new ArrayList<>();

  /**
   * Instantiates every module in order; start functions and {@code _initialize} have not run yet
   * (see {@link #initialize}), so they run metered, inside a call context.
   */
  ServiceInstances(
      List<String> names, List<LoadedModule> loaded, ContextSlot slot, ServiceLimits limits) {
    for (int i = 0; i < loaded.size(); i++) {
      modules.put(names.get(i), instantiate(names.get(i), loaded.get(i), slot, limits));
    }
  }

  private ModuleInstance instantiate(
      String name, LoadedModule loaded, ContextSlot slot, ServiceLimits limits) {
    AtomicReference<ModuleInstance> self = new AtomicReference<>();
    DeterministicWasi wasi = null;
    List<ImportFunction> imports = new ArrayList<>();
    for (LoadedModule.FunctionImport imp : loaded.functionImports()) {
      if (HostImports.GYRE.equals(imp.module())) {
        imports.add(GyreHostFunctions.function(imp.name(), slot).orElseThrow());
      } else if (HostImports.WASI.equals(imp.module())) {
        if (wasi == null) {
          wasi = new DeterministicWasi(slot, loaded.description().abi() == Abi.GYRE);
          wasiInstances.add(wasi);
        }
        imports.add(wasi.function(imp.name()));
      } else {
        imports.add(
            Bridges.bridge(imp, modules.get(imp.module()), self::get, limits.outputBytes()));
      }
    }
    Instance.Builder builder =
        Instance.builder(loaded.module())
            .withImportValues(ImportValues.builder().withFunctions(imports).build())
            .withMachineFactory(loaded.machineFactory())
            .withStart(false);
    int serviceCap = 0;
    if (loaded.memory().isPresent()) {
      MemoryLimits declared = loaded.memory().get();
      if (declared.initialPages() > limits.memoryPages()) {
        throw new DeployException(
            "module "
                + name
                + " needs "
                + declared.initialPages()
                + " memory pages to start, more than the service's memory limit of "
                + limits.memoryPages());
      }
      int cap = Math.min(declared.maximumPages(), limits.memoryPages());
      serviceCap = limits.memoryPages() < declared.maximumPages() ? cap : 0;
      builder.withMemoryLimits(new MemoryLimits(declared.initialPages(), cap));
    }
    ModuleInstance instance = new ModuleInstance(name, loaded, builder.build(), serviceCap);
    self.set(instance);
    return instance;
  }

  /** Runs each module's start function, then {@code _initialize} of Gyre ABI modules. */
  void initialize(ServiceLimits limits) {
    for (ModuleInstance module : modules.values()) {
      module.meter().set(limits.fuel(), limits.stackDepth());
      module
          .loaded()
          .module()
          .startSection()
          .ifPresent(
              start -> module.instance().getMachine().call((int) start.startIndex(), new long[0]));
      if (module.loaded().description().abi() == Abi.GYRE
          && module.loaded().functionExports().containsKey("_initialize")) {
        module.call("_initialize");
      }
    }
  }

  ModuleInstance facade() {
    ModuleInstance last = null;
    for (ModuleInstance module : modules.values()) {
      last = module;
    }
    return last;
  }

  Iterable<ModuleInstance> modules() {
    return modules.values();
  }

  @Override
  public void close() {
    wasiInstances.forEach(DeterministicWasi::close);
  }
}
