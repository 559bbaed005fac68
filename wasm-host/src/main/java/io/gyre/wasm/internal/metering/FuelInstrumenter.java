package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.ByteSink;
import io.gyre.wasm.internal.binary.ModuleSections;
import io.gyre.wasm.internal.binary.Section;
import io.gyre.wasm.internal.binary.WasmInput;
import io.gyre.wasm.internal.metering.ModuleLayout.FunctionType;

/**
 * Rewrites a module so that it meters itself. Two mutable globals are appended: fuel left (i64) and
 * call depth left (i32), and every function gets an i64 local holding its fuel left:
 *
 * <pre>
 *   entry:      fuel_local = fuel; charge(entry cost)
 *   loop head:  charge(loop cost)
 *   call:       fuel = fuel_local; depth -= 1; trap if depth &lt; 0
 *               call …
 *               depth += 1; fuel_local = fuel
 *   way out:    fuel = fuel_local      (return, tail call, branch to the function label, end)
 *   charge(c):  fuel_local -= c; if fuel_local &lt; 0: fuel = fuel_local; unreachable
 * </pre>
 *
 * The cost of a metering point is the number of instructions that belong to it: the instructions of
 * the function outside any loop for the entry, and the instructions directly inside the loop
 * (nested loops excluded) for a loop head. Fuel therefore depends only on the module and on the
 * path execution takes, never on timing.
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
              new WasmInput(code.payload(), start, start + size), type.params().size()));
    }
    return new Section(Section.CODE, out.toByteArray());
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
}
