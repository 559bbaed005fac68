package io.gyre.wasm.internal.module;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.gyre.wasm.Abi;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.Manifest;
import io.gyre.wasm.NamedType;
import io.gyre.wasm.ServiceFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks that a module has the exports its ABI needs, and finds its service functions. */
final class AbiCheck {

  static final FunctionType ALLOC = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
  static final FunctionType FREE = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of());
  static final FunctionType SERVICE_FUNCTION =
      FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I64));
  static final FunctionType START = FunctionType.of(List.of(), List.of());

  private AbiCheck() {}

  static Abi abiOf(Optional<Manifest> manifest, ModuleShape shape) {
    return manifest
        .map(Manifest::abi)
        .orElse(shape.functionExports().containsKey("_start") ? Abi.WASI_COMMAND : Abi.GYRE);
  }

  /** The module's callable functions; throws a {@link DeployException} naming what is missing. */
  static List<ServiceFunction> serviceFunctions(
      Abi abi, Optional<Manifest> manifest, ModuleShape shape) {
    if (!shape.memoryExports().contains("memory")) {
      throw new DeployException("module does not export its memory as \"memory\"");
    }
    if (abi == Abi.WASI_COMMAND) {
      requireExport(shape, "_start", START, "a WASI command's entry point");
      return manifest
          .map(Manifest::functions)
          .orElse(List.of(new ServiceFunction("_start", "_start", List.of(), Optional.empty())));
    }
    requireExport(shape, "alloc", ALLOC, "the Gyre ABI's allocator");
    requireExport(shape, "free", FREE, "the Gyre ABI's deallocator");
    if (manifest.isPresent()) {
      for (ServiceFunction function : manifest.get().functions()) {
        requireExport(
            shape,
            function.export(),
            SERVICE_FUNCTION,
            "function " + function.name() + " of the manifest");
      }
      return manifest.get().functions();
    }
    List<ServiceFunction> functions = new ArrayList<>();
    shape
        .functionExports()
        .forEach(
            (name, type) -> {
              if (type.equals(SERVICE_FUNCTION)) {
                functions.add(
                    new ServiceFunction(name, name, List.<NamedType>of(), Optional.empty()));
              }
            });
    if (functions.isEmpty()) {
      throw new DeployException(
          "module exports no service function: none has the Gyre ABI signature (i32, i32) -> i64");
    }
    return functions;
  }

  private static void requireExport(
      ModuleShape shape, String name, FunctionType type, String what) {
    FunctionType actual = shape.functionExports().get(name);
    if (actual == null) {
      throw new DeployException("module does not export \"" + name + "\" (" + what + ")");
    }
    if (!actual.equals(type)) {
      throw new DeployException(
          "export \""
              + name
              + "\" ("
              + what
              + ") has signature "
              + signature(actual)
              + ", expected "
              + signature(type));
    }
  }

  static String signature(FunctionType type) {
    return "("
        + String.join(", ", type.params().stream().map(AbiCheck::valType).toList())
        + ") -> "
        + (type.returns().isEmpty()
            ? "()"
            : type.returns().size() == 1
                ? valType(type.returns().get(0))
                : "("
                    + String.join(", ", type.returns().stream().map(AbiCheck::valType).toList())
                    + ")");
  }

  private static String valType(ValType type) {
    return type.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
