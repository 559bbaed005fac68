package io.gyre.wasm.internal.module;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.gyre.wasm.ModuleDescription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A module ready to instantiate: parsed (and metered) once, compiled once, shared by every service
 * that uses it.
 *
 * @param metering the metering globals, empty when the host runs without fuel metering
 * @param functionExports every exported function and its type
 * @param functionImports every function import, host functions and other modules' alike
 * @param memory the declared memory limits, empty for a module without memory
 */
public record LoadedModule(
    ModuleDescription description,
    WasmModule module,
    Function<Instance, Machine> machineFactory,
    Optional<Metering> metering,
    Map<String, FunctionType> functionExports,
    List<FunctionImport> functionImports,
    Optional<MemoryLimits> memory) {

  /** The indices of the fuel (i64) and call depth (i32) globals metering added. */
  public record Metering(int fuelGlobal, int depthGlobal) {}

  /** A function import: where from, which name, which type. */
  public record FunctionImport(String module, String name, FunctionType type) {
    @Override
    public String toString() {
      return module + "." + name;
    }
  }
}
