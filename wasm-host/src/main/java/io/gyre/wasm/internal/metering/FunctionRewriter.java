package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.ByteSink;
import io.gyre.wasm.internal.binary.MalformedWasmException;
import io.gyre.wasm.internal.binary.Types;
import io.gyre.wasm.internal.binary.WasmInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Rewrites one function body for metering (see {@link FuelInstrumenter}). Inside the function the
 * fuel left lives in an added local — a JVM local once compiled, so a loop's charge costs about
 * what a loop counter does — and is written to the fuel global before every call and every way out
 * (return, tail call, branch to the function's label, its final end, a fuel trap), and read back
 * after every call. Call depth is counted around each call by the caller, so the body's structure
 * is left as it was (wrapping it in a block costs compiled code dearly).
 */
final class FunctionRewriter {

  private static final int I64 = 0x7E;
  private static final int LOCAL_GET = 0x20;
  private static final int LOCAL_SET = 0x21;
  private static final int LOCAL_TEE = 0x22;
  private static final int BR = 0x0C;
  private static final int BR_IF = 0x0D;
  private static final int BR_TABLE = 0x0E;
  private static final int CALL = 0x10;
  private static final int CALL_INDIRECT = 0x11;
  private static final int CALL_REF = 0x14;

  private enum Kind {
    /** After a loop's block type: charge the loop's cost. */
    LOOP_CHARGE,
    /** Before a call: store fuel to the global, count one level deeper. */
    BEFORE_CALL,
    /** After a call: count one level back, load fuel from the global. */
    AFTER_CALL,
    /** Before anything that may leave the function: store fuel to the global. */
    BEFORE_EXIT
  }

  /** A place in the original body where metering code goes. */
  private record Insertion(int offset, Kind kind, int meter) {}

  private final int fuelGlobal;
  private final int depthGlobal;

  FunctionRewriter(int fuelGlobal, int depthGlobal) {
    this.fuelGlobal = fuelGlobal;
    this.depthGlobal = depthGlobal;
  }

  /** Rewrites a body (locals and expression) of a function with {@code paramCount} parameters. */
  ByteSink rewrite(WasmInput body, int paramCount) {
    byte[] bytes = body.bytes();
    int localGroups = body.length();
    int groupsStart = body.position();
    long locals = paramCount;
    for (int i = 0; i < localGroups; i++) {
      locals += Integer.toUnsignedLong(body.u32());
      Types.valueType(body);
    }
    int exprStart = body.position();
    int fuelLocal = Math.toIntExact(locals);

    List<Long> costs = new ArrayList<>();
    List<Insertion> insertions = new ArrayList<>();
    int exprEnd = scan(body, costs, insertions);

    ByteSink out = new ByteSink().u32(localGroups + 1L).bytes(bytes, groupsStart, exprStart);
    out.u32(1).u8(I64);
    out.u8(Opcodes.GLOBAL_GET).u32(fuelGlobal).u8(LOCAL_SET).u32(fuelLocal);
    charge(out, fuelLocal, costs.get(0));
    int copied = exprStart;
    for (Insertion insertion : insertions) {
      out.bytes(bytes, copied, insertion.offset());
      switch (insertion.kind()) {
        case LOOP_CHARGE -> charge(out, fuelLocal, costs.get(insertion.meter()));
        case BEFORE_CALL -> {
          storeFuel(out, fuelLocal);
          enterCall(out);
        }
        case AFTER_CALL -> {
          leaveCall(out);
          out.u8(Opcodes.GLOBAL_GET).u32(fuelGlobal).u8(LOCAL_SET).u32(fuelLocal);
        }
        case BEFORE_EXIT -> storeFuel(out, fuelLocal);
      }
      copied = insertion.offset();
    }
    out.bytes(bytes, copied, exprEnd); // up to the body's final `end`
    storeFuel(out, fuelLocal);
    out.u8(Opcodes.END);
    return out;
  }

  /**
   * Walks the expression: counts the instructions of each metering point (0 is the function entry,
   * then one per loop) and notes where charges, fuel syncs and depth restores go. Returns the
   * offset of the body's final {@code end}.
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
          insertions.add(new Insertion(in.position(), Kind.LOOP_CHARGE, costs.size() - 1));
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
        case CALL, CALL_INDIRECT, CALL_REF -> {
          insertions.add(new Insertion(offset, Kind.BEFORE_CALL, meter));
          insertions.add(new Insertion(in.position(), Kind.AFTER_CALL, meter));
        }
        case BR, BR_IF, BR_TABLE -> {
          // A branch to the function's own label leaves the function (storing is harmless when
          // a br_if does not branch).
          if (targetsFunction(in.bytes(), offset, meters.size() - 1)) {
            insertions.add(new Insertion(offset, Kind.BEFORE_EXIT, meter));
          }
        }
        case Opcodes.RETURN,
                Opcodes.RETURN_CALL,
                Opcodes.RETURN_CALL_INDIRECT,
                Opcodes.RETURN_CALL_REF ->
            insertions.add(new Insertion(offset, Kind.BEFORE_EXIT, meter));
        default -> {}
      }
    }
  }

  /** Whether the branch at {@code offset} may target label {@code functionLabel}. */
  private static boolean targetsFunction(byte[] bytes, int offset, int functionLabel) {
    WasmInput in = new WasmInput(bytes, offset, bytes.length);
    int opcode = in.u8();
    int targets = opcode == BR_TABLE ? in.length() + 1 : 1;
    for (int i = 0; i < targets; i++) {
      if (in.u32() == functionLabel) {
        return true;
      }
    }
    return false;
  }

  /** fuel -= cost; if fuel < 0: (store fuel; unreachable) */
  private void charge(ByteSink out, int fuelLocal, long cost) {
    out.u8(LOCAL_GET).u32(fuelLocal);
    out.u8(Opcodes.I64_CONST).s64(cost);
    out.u8(Opcodes.I64_SUB);
    out.u8(LOCAL_TEE).u32(fuelLocal);
    out.u8(Opcodes.I64_CONST).s64(0);
    out.u8(Opcodes.I64_LT_S);
    out.u8(Opcodes.IF).u8(Opcodes.EMPTY_BLOCK_TYPE);
    storeFuel(out, fuelLocal);
    out.u8(Opcodes.UNREACHABLE).u8(Opcodes.END);
  }

  private void storeFuel(ByteSink out, int fuelLocal) {
    out.u8(LOCAL_GET).u32(fuelLocal).u8(Opcodes.GLOBAL_SET).u32(fuelGlobal);
  }

  /** depth -= 1; if depth < 0: unreachable (the caller counts the depth of its calls) */
  private void enterCall(ByteSink out) {
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(1);
    out.u8(Opcodes.I32_SUB);
    out.u8(Opcodes.GLOBAL_SET).u32(depthGlobal);
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(0);
    out.u8(Opcodes.I32_LT_S);
    out.u8(Opcodes.IF).u8(Opcodes.EMPTY_BLOCK_TYPE).u8(Opcodes.UNREACHABLE).u8(Opcodes.END);
  }

  /** depth += 1 */
  private void leaveCall(ByteSink out) {
    out.u8(Opcodes.GLOBAL_GET).u32(depthGlobal);
    out.u8(Opcodes.I32_CONST).s64(1);
    out.u8(Opcodes.I32_ADD);
    out.u8(Opcodes.GLOBAL_SET).u32(depthGlobal);
  }
}
