package io.gyre.wasm.internal.metering;

import io.gyre.wasm.internal.binary.MalformedWasmException;
import io.gyre.wasm.internal.binary.Types;
import io.gyre.wasm.internal.binary.WasmInput;

/**
 * Steps over one instruction of a function body: reads its opcode and skips its immediates. It
 * knows the MVP, sign extension, saturating conversions, bulk memory, reference types, tail calls,
 * SIMD and threads; exception handling and GC are refused because metering cannot follow their
 * control flow.
 */
final class InstructionReader {

  private InstructionReader() {}

  /** Reads one instruction and returns its opcode (prefixed opcodes as 0xFCnn, 0xFDnn, 0xFEnn). */
  static int next(WasmInput in) {
    int start = in.position();
    int opcode = in.u8();
    switch (opcode) {
      case 0x02, 0x03, 0x04 -> Types.skipBlockType(in);
      case 0x0C, 0x0D, 0x10, 0x12, 0x14, 0x15, 0xD2, 0xD5, 0xD6 -> in.u32();
      case 0x0E -> {
        int count = in.length();
        for (int i = 0; i <= count; i++) {
          in.u32();
        }
      }
      case 0x11, 0x13 -> {
        in.u32();
        in.u32();
      }
      case 0x1C -> {
        int count = in.length();
        for (int i = 0; i < count; i++) {
          Types.valueType(in);
        }
      }
      case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26 -> in.u32();
      case 0x3F, 0x40 -> in.u32();
      case 0x41 -> in.signed(32);
      case 0x42 -> in.signed(64);
      case 0x43 -> in.skip(4);
      case 0x44 -> in.skip(8);
      case 0xD0 -> in.signed(33);
      case 0xFC -> {
        return 0xFC00 | miscPrefixed(in, start);
      }
      case 0xFD -> {
        return 0xFD00 | simdPrefixed(in);
      }
      case 0xFE -> {
        return 0xFE00 | atomicPrefixed(in);
      }
      case 0x06, 0x07, 0x08, 0x09, 0x0A, 0x18, 0x19, 0x1F ->
          throw new UnsupportedInstructionException(
              "exception-handling instruction 0x" + Integer.toHexString(opcode), start);
      case 0xFB -> throw new UnsupportedInstructionException("GC instruction (prefix 0xfb)", start);
      default -> {
        if (opcode >= 0x28 && opcode <= 0x3E) {
          skipMemArg(in);
        } else if (!isPlain(opcode)) {
          throw new UnsupportedInstructionException(
              "unknown instruction 0x" + Integer.toHexString(opcode), start);
        }
      }
    }
    return opcode;
  }

  /** Opcodes without immediates. */
  private static boolean isPlain(int opcode) {
    return opcode == 0x00
        || opcode == 0x01
        || opcode == 0x05
        || opcode == 0x0B
        || opcode == 0x0F
        || opcode == 0x1A
        || opcode == 0x1B
        || (opcode >= 0x45 && opcode <= 0xC4)
        || opcode == 0xD1
        || opcode == 0xD3
        || opcode == 0xD4;
  }

  private static int miscPrefixed(WasmInput in, int start) {
    int sub = in.u32();
    switch (sub) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> {}
      case 8, 10, 12, 14 -> {
        in.u32();
        in.u32();
      }
      case 9, 11, 13, 15, 16, 17 -> in.u32();
      default ->
          throw new UnsupportedInstructionException("unknown instruction 0xfc " + sub, start);
    }
    return sub;
  }

  private static int simdPrefixed(WasmInput in) {
    int sub = in.u32();
    if (sub <= 11 || sub == 92 || sub == 93) {
      skipMemArg(in);
    } else if (sub == 12 || sub == 13) {
      in.skip(16);
    } else if (sub >= 21 && sub <= 34) {
      in.u8();
    } else if (sub >= 84 && sub <= 91) {
      skipMemArg(in);
      in.u8();
    }
    return sub;
  }

  private static int atomicPrefixed(WasmInput in) {
    int sub = in.u32();
    if (sub == 0x03) {
      in.u8();
    } else {
      skipMemArg(in);
    }
    return sub;
  }

  private static void skipMemArg(WasmInput in) {
    int align = in.u32();
    if ((align & 0x40) != 0) {
      in.u32(); // memory index (multi-memory)
    }
    in.signed(64); // offset: u32, or u64 for memory64
  }

  /** An instruction the metering rewriter cannot handle; the module is refused. */
  static final class UnsupportedInstructionException extends MalformedWasmException {
    UnsupportedInstructionException(String what, int offset) {
      super("unsupported by fuel metering: " + what, offset);
    }
  }
}
