package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.ByteSink;
import io.gyre.wasm.internal.binary.ModuleSections;
import io.gyre.wasm.internal.binary.Section;
import io.gyre.wasm.internal.binary.WasmInput;
import io.gyre.wasm.internal.metering.ModuleLayout.FunctionType;

/**
 * Rewrites a module so that it meters itself. Two mutable globals are appended: fuel left (i64) and
 * call depth left (i32). Every function body is rewritten to
 *
 * <pre>
 *   fuel_local = fuel; charge(entry cost)
 *   depth -= 1; trap if depth &lt; 0
 *   block (result …)  original body  end
 *   fuel = fuel_local; depth += 1
 * </pre>
 *
 * where {@code fuel_local} is an added i64 local. Every loop head charges its own cost; every call
 * stores {@code fuel_local} to the global before and loads it back after; every {@code return} and
 * tail call stores fuel and restores depth first. A charge subtracts a static cost from {@code
 * fuel_local} and, if it went negative, stores it and traps with {@code unreachable}. The cost of a
 * metering point is the number of instructions that belong to it: the instructions of the function
 * outside any loop for the entry, and the instructions directly inside the loop (nested loops
 * excluded) for a loop head. Fuel therefore depends only on the module and on the path execution
 * takes, never on timing.
 */
public final class FuelInstrumenter {

  private FuelInstrumenter() {}

  public static MeteredModule instrument(byte[] original) {
    ModuleSections module = ModuleSections.read(original);
    ModuleLayout layout = ModuleLayout.of(module);
    int fuelGlobal = layout.importedGlobals + layout.definedGlobals;
    int depthGlobal = fuelGlobal + 1;
    FunctionRewriter rewriter = new FunctionRewriter(fuelGlobal, depthGlobal);

    module.find(Section.CODE).ifPresent(code -> module.put(rewriteCode(code, layout, rewriter)));
    module.put(appendGlobals(module, layout.definedGlobals));
    module.put(typeSection(layout));
    return new MeteredModule(module.write(), fuelGlobal, depthGlobal);
  }

  private static Section rewriteCode(Section code, ModuleLayout layout, FunctionRewriter rewriter) {
    WasmInput in = new WasmInput(code.payload());
    int count = in.length();
    ByteSink out = new ByteSink().u32(count);
    for (int i = 0; i < count; i++) {
      int size = in.length();
      int start = in.position();
      in.skip(size);
      FunctionType type = layout.types.get(layout.definedFunctionTypes.get(i));
      out.sized(
          rewriter.rewrite(
              new WasmInput(code.payload(), start, start + size),
              type.params().size(),
              blockType(type, layout)));
    }
    return new Section(Section.CODE, out.toByteArray());
  }

  /** The block type that carries a function's results. */
  private static byte[] blockType(FunctionType type, ModuleLayout layout) {
    if (type.results().isEmpty()) {
      return new byte[] {(byte) Opcodes.EMPTY_BLOCK_TYPE};
    }
    if (type.results().size() == 1) {
      return type.results().get(0);
    }
    return new ByteSink().s64(layout.blockTypeIndex(type.results())).toByteArray();
  }

  private static Section appendGlobals(ModuleSections module, int definedGlobals) {
    ByteSink out = new ByteSink().u32(definedGlobals + 2L);
    module
        .find(Section.GLOBAL)
        .ifPresent(
            globals -> {
              WasmInput in = new WasmInput(globals.payload());
              in.length();
              out.bytes(globals.payload(), in.position(), globals.payload().length);
            });
    // fuel left: mutable i64 = 0; call depth left: mutable i32 = 0 (the host sets both)
    out.u8(0x7E).u8(1).u8(Opcodes.I64_CONST).s64(0).u8(Opcodes.END);
    out.u8(0x7F).u8(1).u8(Opcodes.I32_CONST).s64(0).u8(Opcodes.END);
    return new Section(Section.GLOBAL, out.toByteArray());
  }

  private static Section typeSection(ModuleLayout layout) {
    ByteSink out = new ByteSink().u32(layout.types.size());
    for (FunctionType type : layout.types) {
      out.u8(0x60).u32(type.params().size());
      type.params().forEach(out::bytes);
      out.u32(type.results().size());
      type.results().forEach(out::bytes);
    }
    return new Section(Section.TYPE, out.toByteArray());
  }
}
