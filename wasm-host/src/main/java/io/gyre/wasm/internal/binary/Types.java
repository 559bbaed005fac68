package io.gyre.wasm.internal.binary;

/** Value types and block types in the binary format: reading them whole, for copying. */
public final class Types {

  private static final int REF_NULL = 0x63;
  private static final int REF = 0x64;

  private Types() {}

  /** Reads one value type and returns its bytes (one byte, or more for a typed reference). */
  public static byte[] valueType(WasmInput in) {
    int start = in.position();
    int code = in.u8();
    if (code == REF_NULL || code == REF) {
      in.signed(33);
    } else if (!isSimpleValueType(code)) {
      throw new MalformedWasmException(
          "unsupported value type 0x" + Integer.toHexString(code), start);
    }
    return java.util.Arrays.copyOfRange(in.bytes(), start, in.position());
  }

  /** Skips a block type: the empty type, a value type, or a type index. */
  public static void skipBlockType(WasmInput in) {
    int code = in.peekU8();
    if (code == 0x40 || isSimpleValueType(code)) {
      in.u8();
    } else if (code == REF_NULL || code == REF) {
      in.u8();
      in.signed(33);
    } else {
      in.signed(33);
    }
  }

  /** Skips memory or table limits (memory64 and shared flags included). */
  public static void skipLimits(WasmInput in) {
    int flags = in.u8();
    in.signed(64);
    if ((flags & 1) != 0) {
      in.signed(64);
    }
  }

  private static boolean isSimpleValueType(int code) {
    return switch (code) {
      case 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F, 0x69 -> true;
      default -> false;
    };
  }
}
