package io.gyre.wasm.internal.module;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.gyre.wasm.HostCapability;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The host functions a module may import, with their signatures and required capability. */
public final class HostImports {

  public static final String GYRE = "gyre";
  public static final String WASI = "wasi_snapshot_preview1";

  /** A host function: its signature and the capability a blueprint must grant, if any. */
  public record HostImport(FunctionType type, Optional<HostCapability> capability) {}

  /** WASI functions that would let a call depend on the machine or block on real time. */
  private static final Set<String> WASI_REFUSED =
      Set.of("poll_oneoff", "proc_raise", "sock_accept", "sock_recv", "sock_send", "sock_shutdown");

  private static final Map<String, HostImport> GYRE_FUNCTIONS =
      Map.of(
          "log",
          new HostImport(
              FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32), List.of()),
              Optional.of(HostCapability.LOGGING)),
          "fail",
          new HostImport(
              FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()), Optional.empty()),
          "call_parameters",
          new HostImport(
              FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
              Optional.of(HostCapability.CALL_PARAMETERS)));

  private static final Map<String, HostImport> WASI_FUNCTIONS = wasiFunctions();

  private HostImports() {}

  public static boolean isHostNamespace(String module) {
    return GYRE.equals(module) || WASI.equals(module);
  }

  /** The host function {@code module.name}, or why there is none. */
  public static HostImport lookup(String module, String name) {
    Map<String, HostImport> functions = GYRE.equals(module) ? GYRE_FUNCTIONS : WASI_FUNCTIONS;
    HostImport found = functions.get(name);
    if (found != null) {
      return found;
    }
    if (WASI.equals(module) && WASI_REFUSED.contains(name)) {
      throw new IllegalArgumentException(
          "import "
              + module
              + "."
              + name
              + " is not allowed: it would make calls depend on the machine");
    }
    throw new IllegalArgumentException(
        "import "
            + module
            + "."
            + name
            + " is not a host function Gyre offers (see wasm-host/README.md, \"Host functions\")");
  }

  private static Map<String, HostImport> wasiFunctions() {
    Map<String, HostImport> functions = new HashMap<>();
    try (WasiPreview1 wasi = WasiPreview1.builder().build()) {
      for (HostFunction function : wasi.toHostFunctions()) {
        if (!WASI_REFUSED.contains(function.name())) {
          functions.put(
              function.name(),
              new HostImport(function.functionType(), Optional.of(HostCapability.WASI)));
        }
      }
    }
    return Map.copyOf(functions);
  }
}
