package io.gyre.wasm.internal.module;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
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
                FunctionType type = module.typeSection().getType(fi.typeIndex());
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
                : module
                    .functionSection()
                    .getFunctionType(index - importedFunctionTypes.size(), module.typeSection());
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
}
