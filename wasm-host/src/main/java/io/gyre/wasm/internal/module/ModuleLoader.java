package io.gyre.wasm.internal.module;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Import;
import io.gyre.wasm.Abi;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.ExecutionMode;
import io.gyre.wasm.Manifest;
import io.gyre.wasm.ModuleDescription;
import io.gyre.wasm.ModuleId;
import io.gyre.wasm.ServiceFunction;
import io.gyre.wasm.internal.binary.MalformedWasmException;
import io.gyre.wasm.internal.binary.ModuleSections;
import io.gyre.wasm.internal.metering.FuelInstrumenter;
import io.gyre.wasm.internal.metering.MeteredModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns module bytes into a {@link LoadedModule}: checks the bytes are valid WebAssembly, reads the
 * manifest, checks the ABI's exports and the host imports, meters and compiles. Everything wrong
 * with a module is found here, at deploy time, and reported as a {@link DeployException}.
 */
public final class ModuleLoader {

  /** Larger modules are refused before parsing. */
  public static final int MAX_MODULE_BYTES = 64 << 20;

  private final ExecutionMode mode;
  private final boolean metering;

  public ModuleLoader(ExecutionMode mode, boolean metering) {
    this.mode = mode;
    this.metering = metering;
  }

  public LoadedModule load(byte[] bytes) {
    try {
      return loadChecked(bytes);
    } catch (DeployException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // Chicory's model of a corrupt module can fail in ways its parser did not check; the
      // deployer gets a refusal, never an exception of Chicory's.
      throw new DeployException("module is not valid WebAssembly: " + e, e);
    }
  }

  private LoadedModule loadChecked(byte[] bytes) {
    if (bytes.length > MAX_MODULE_BYTES) {
      throw new DeployException(
          "module is " + bytes.length + " bytes, more than the " + MAX_MODULE_BYTES + " allowed");
    }
    ModuleId id = ModuleId.of(bytes);
    ModuleSections sections = sections(bytes);
    WasmModule original = parse(bytes, "");
    Optional<Manifest> manifest =
        sections
            .custom(Manifest.SECTION)
            .map(s -> ManifestParser.parse(new String(s.customContent(), StandardCharsets.UTF_8)));
    ModuleShape shape = ModuleShape.of(original);
    Abi abi = AbiCheck.abiOf(manifest, shape);
    List<ServiceFunction> functions = AbiCheck.serviceFunctions(abi, manifest, shape);
    checkImports(shape);

    WasmModule runnable = original;
    Optional<LoadedModule.Metering> meteringGlobals = Optional.empty();
    if (metering) {
      MeteredModule metered = meter(bytes);
      runnable = parse(metered.bytes(), " after fuel metering (a Gyre bug, please report it)");
      meteringGlobals =
          Optional.of(new LoadedModule.Metering(metered.fuelGlobal(), metered.depthGlobal()));
    }
    ModuleDescription description =
        new ModuleDescription(
            id,
            bytes.length,
            abi,
            manifest,
            functions,
            shape.functionImports().stream().map(LoadedModule.FunctionImport::toString).toList(),
            shape.memory().map(m -> m.initialPages()).orElse(0),
            shape.memory().map(m -> m.maximumPages()).filter(p -> p < 65536),
            manifest.map(AquaPrinter::declaration));
    return new LoadedModule(
        description,
        runnable,
        machineFactory(runnable),
        meteringGlobals,
        shape.functionExports(),
        shape.functionImports(),
        shape.memory());
  }

  private static ModuleSections sections(byte[] bytes) {
    try {
      return ModuleSections.read(bytes);
    } catch (MalformedWasmException e) {
      throw new DeployException("module is not valid WebAssembly: " + e.getMessage(), e);
    }
  }

  private static WasmModule parse(byte[] bytes, String when) {
    try {
      return Parser.parse(bytes);
    } catch (ChicoryException e) {
      throw new DeployException(
          "module is not valid WebAssembly" + when + ": " + e.getMessage(), e);
    } catch (RuntimeException | AssertionError e) {
      // Chicory's parser can fail on corrupt input with an exception of its own making, or with
      // an assertion when assertions are on.
      throw new DeployException("module is not valid WebAssembly" + when + ": " + e, e);
    }
  }

  private static MeteredModule meter(byte[] bytes) {
    try {
      return FuelInstrumenter.instrument(bytes);
    } catch (MalformedWasmException e) {
      throw new DeployException("module cannot be metered: " + e.getMessage(), e);
    }
  }

  /** Host imports must exist with their signature; other imports wait for a blueprint. */
  private static void checkImports(ModuleShape shape) {
    for (Import other : shape.otherImports()) {
      throw new DeployException(
          "import "
              + other.module()
              + "."
              + other.name()
              + " is a "
              + other.importType().name().toLowerCase(java.util.Locale.ROOT)
              + "; modules may import functions only");
    }
    for (LoadedModule.FunctionImport imp : shape.functionImports()) {
      if (!HostImports.isHostNamespace(imp.module())) {
        continue;
      }
      HostImports.HostImport host;
      try {
        host = HostImports.lookup(imp.module(), imp.name());
      } catch (IllegalArgumentException e) {
        throw new DeployException(e.getMessage());
      }
      if (!host.type().equals(imp.type())) {
        throw new DeployException(
            "import "
                + imp
                + " has signature "
                + AbiCheck.signature(imp.type())
                + ", the host function has "
                + AbiCheck.signature(host.type()));
      }
    }
  }

  private Function<Instance, Machine> machineFactory(WasmModule module) {
    if (mode == ExecutionMode.INTERPRETED) {
      return InterpreterMachine::new;
    }
    try {
      // Functions too large for one JVM method run interpreted; the rest are JVM bytecode.
      return MachineFactoryCompiler.builder(module)
          .withInterpreterFallback(InterpreterFallback.SILENT)
          .compile();
    } catch (RuntimeException e) {
      return InterpreterMachine::new;
    }
  }
}
