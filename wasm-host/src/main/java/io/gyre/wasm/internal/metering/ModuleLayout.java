package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.MalformedWasmException;
import io.gyre.wasm.internal.binary.ModuleSections;
import io.gyre.wasm.internal.binary.Section;
import io.gyre.wasm.internal.binary.Types;
import io.gyre.wasm.internal.binary.WasmInput;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rewriter needs to know of a module: its function types, which type each defined function
 * has, and how many functions and globals are imported or defined.
 */
final class ModuleLayout {

  /** A function type as value-type byte strings. */
  record FunctionType(List<byte[]> params, List<byte[]> results) {}

  final List<FunctionType> types = new ArrayList<>();
  final List<Integer> definedFunctionTypes = new ArrayList<>();
  int importedGlobals;
  int definedGlobals;

  static ModuleLayout of(ModuleSections module) {
    ModuleLayout layout = new ModuleLayout();
    module.find(Section.TYPE).ifPresent(s -> layout.readTypes(new WasmInput(s.payload())));
    module.find(Section.IMPORT).ifPresent(s -> layout.readImports(new WasmInput(s.payload())));
    module
        .find(Section.FUNCTION)
        .ifPresent(
            s -> {
              WasmInput in = new WasmInput(s.payload());
              int count = in.length();
              for (int i = 0; i < count; i++) {
                layout.definedFunctionTypes.add(in.u32());
              }
            });
    module
        .find(Section.GLOBAL)
        .ifPresent(s -> layout.definedGlobals = new WasmInput(s.payload()).length());
    return layout;
  }

  private void readTypes(WasmInput in) {
    int count = in.length();
    for (int i = 0; i < count; i++) {
      int form = in.u8();
      if (form != 0x60) {
        throw new MalformedWasmException(
            "unsupported by fuel metering: type form 0x" + Integer.toHexString(form),
            in.position() - 1);
      }
      types.add(new FunctionType(valueTypes(in), valueTypes(in)));
    }
  }

  private static List<byte[]> valueTypes(WasmInput in) {
    int count = in.length();
    List<byte[]> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(Types.valueType(in));
    }
    return list;
  }

  private void readImports(WasmInput in) {
    int count = in.length();
    for (int i = 0; i < count; i++) {
      in.name();
      in.name();
      int kind = in.u8();
      switch (kind) {
        case 0 -> in.u32();
        case 1 -> {
          Types.valueType(in);
          Types.skipLimits(in);
        }
        case 2 -> Types.skipLimits(in);
        case 3 -> {
          Types.valueType(in);
          in.u8();
          importedGlobals++;
        }
        case 4 -> {
          in.u8();
          in.u32();
        }
        default ->
            throw new MalformedWasmException("unknown import kind " + kind, in.position() - 1);
      }
    }
  }
}
