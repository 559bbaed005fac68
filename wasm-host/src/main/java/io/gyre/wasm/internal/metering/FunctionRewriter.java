package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.ByteSink;
import io.gyre.wasm.internal.binary.MalformedWasmException;
import io.gyre.wasm.internal.binary.Types;
import io.gyre.wasm.internal.binary.WasmInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Rewrites one function body for metering (see {@link FuelInstrumenter}). */
final class FunctionRewriter {

  /** A place in the original body where metering code goes. */
  private record Insertion(int offset, boolean loopCharge, int meter) {}

  private final int fuelGlobal;
  private final int depthGlobal;

  FunctionRewriter(int fuelGlobal, int depthGlobal) {
    this.fuelGlobal = fuelGlobal;
    this.depthGlobal = depthGlobal;
  }

  /** Rewrites a body (locals and expression); {@code blockType} carries the function's results. */
  ByteSink rewrite(WasmInput body, byte[] blockType) {
    byte[] bytes = body.bytes();
    int localsStart = body.position();
    int localGroups = body.length();
    for (int i = 0; i < localGroups; i++) {
      body.u32();
      Types.valueType(body);
    }
    int exprStart = body.position();

    List<Long> costs = new ArrayList<>();
    List<Insertion> insertions = new ArrayList<>();
    int exprEnd = scan(body, costs, insertions);

    ByteSink out = new ByteSink().bytes(bytes, localsStart, exprStart);
    charge(out, costs.get(0));
    enterCall(out);
    out.u8(Opcodes.BLOCK).bytes(blockType);
    int copied = exprStart;
    for (Insertion insertion : insertions) {
      out.bytes(bytes, copied, insertion.offset());
      if (insertion.loopCharge()) {
        charge(out, costs.get(insertion.meter()));
      } else {
        leaveCall(out);
      }
      copied = insertion.offset();
    }
    out.bytes(bytes, copied, exprEnd); // everything but the body's final `end`
    out.u8(Opcodes.END);
    leaveCall(out);
    out.u8(Opcodes.END);
    return out;
  }

  /**
   * Walks the expression: counts the instructions of each metering point (0 is the function entry,
   * then one per loop) and notes where charges and depth restores go. Returns the offset of the
   * body's final {@code end}.
   */
  private static int scan(WasmInput in, List<Long> costs, List<Insertion> insertions) {
    costs.add(0L);
    Deque<Integer> meters = new ArrayDeque<>();
    meters.push(0);
    while (true) {
      int offset = in.position();
      int opcode = InstructionReader.next(in);
      int meter = meters.peek();
      costs.set(meter, costs.get(meter) + 1);
      switch (opcode) {
        case Opcodes.BLOCK, Opcodes.IF -> meters.push(meter);
        case Opcodes.LOOP -> {
          costs.add(0L);
          meters.push(costs.size() - 1);
          insertions.add(new Insertion(in.position(), true, costs.size() - 1));
        }
        case Opcodes.END -> {
          meters.pop();
          if (meters.isEmpty()) {
            if (!in.atEnd()) {
              throw new MalformedWasmException("code after the end of a function", in.position());
            }
            return offset;
          }
        }
        case Opcodes.RETURN,
                Opcodes.RETURN_CALL,
                Opcodes.RETURN_CALL_INDIRECT,
                Opcodes.RETURN_CALL_REF ->
            insertions.add(new Insertion(offset, false, meter));
        default -> {}
      }
    }
  }

  /** fuel -= cost; if fuel < 0: unreachable */
  private void charge(ByteSink out, long cost) {
    out.u8(Opcodes.GLOBAL_GET).u32(fuelGlobal);
    out.u8(Opcodes.I64_CONST).s64(cost);
    out.u8(Opcodes.I64_SUB);
    out.u8(Opcodes.GLOBAL_SET).u32(fuelGlobal);
    out.u8(Opcodes.GLOBAL_GET).u32(fuelGlobal);
    out.u8(Opcodes.I64_CONST).s64(0);
    out.u8(Opcodes.I64_LT_S);
    trapIfTrue(out);
  }

  /** depth -= 1; if depth < 0: unreachable */
  private void enterCall(ByteSink out) {
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(1);
    out.u8(Opcodes.I32_SUB);
    out.u8(Opcodes.GLOBAL_SET).u32(depthGlobal);
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(0);
    out.u8(Opcodes.I32_LT_S);
    trapIfTrue(out);
  }

  /** depth += 1 */
  private void leaveCall(ByteSink out) {
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(1);
    out.u8(Opcodes.I32_ADD);
    out.u8(Opcodes.GLOBAL_SET).u32(depthGlobal);
  }

  private static void trapIfTrue(ByteSink out) {
    out.u8(Opcodes.IF).u8(Opcodes.EMPTY_BLOCK_TYPE).u8(Opcodes.UNREACHABLE).u8(Opcodes.END);
  }
}
