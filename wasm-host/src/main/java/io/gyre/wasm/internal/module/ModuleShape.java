package io.gyre.wasm.internal.module;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.gyre.wasm.DeployException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The imports, exports and memory of a parsed module, read off Chicory's model. */
record ModuleShape(
    List<LoadedModule.FunctionImport> functionImports,
    List<Import> otherImports,
    Map<String, FunctionType> functionExports,
    Set<String> memoryExports,
    Optional<MemoryLimits> memory) {

  static ModuleShape of(WasmModule module) {
    List<LoadedModule.FunctionImport> functionImports = new ArrayList<>();
    List<Import> otherImports = new ArrayList<>();
    List<FunctionType> importedFunctionTypes = new ArrayList<>();
    module.importSection().stream()
        .forEach(
            imp -> {
              if (imp instanceof FunctionImport fi) {
                FunctionType type = typeAt(module, fi.typeIndex(), "import " + fi.name());
                importedFunctionTypes.add(type);
                functionImports.add(new LoadedModule.FunctionImport(fi.module(), fi.name(), type));
              } else {
                otherImports.add(imp);
              }
            });
    Map<String, FunctionType> functionExports = new LinkedHashMap<>();
    Set<String> memoryExports = new HashSet<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export export = module.exportSection().getExport(i);
      if (export.exportType() == ExternalType.FUNCTION) {
        int index = export.index();
        FunctionType type =
            index < importedFunctionTypes.size()
                ? importedFunctionTypes.get(index)
                : definedFunctionType(
                    module, index - importedFunctionTypes.size(), "export " + export.name());
        functionExports.put(export.name(), type);
      } else if (export.exportType() == ExternalType.MEMORY) {
        memoryExports.add(export.name());
      }
    }
    Optional<MemoryLimits> memory =
        module.memorySection().filter(s -> s.memoryCount() > 0).map(s -> s.getMemory(0).limits());
    return new ModuleShape(
        List.copyOf(functionImports),
        List.copyOf(otherImports),
        functionExports,
        Set.copyOf(memoryExports),
        memory);
  }

  // Chicory's parser does not check indices against their sections; a corrupt module must be
  // refused here with a message, not fail with an index exception.
  private static FunctionType definedFunctionType(WasmModule module, int index, String what) {
    int count = module.functionSection().functionCount();
    if (index < 0 || index >= count) {
      throw new DeployException(
          "module is not valid WebAssembly: "
              + what
              + " names function "
              + index
              + " of "
              + count
              + " defined");
    }
    return typeAt(module, module.functionSection().getFunctionType(index), what);
  }

  private static FunctionType typeAt(WasmModule module, int typeIndex, String what) {
    int count = module.typeSection().typeCount();
    if (typeIndex < 0 || typeIndex >= count) {
      throw new DeployException(
          "module is not valid WebAssembly: "
              + what
              + " has type "
              + typeIndex
              + " of "
              + count
              + " declared");
    }
    return module.typeSection().getType(typeIndex);
  }
}
