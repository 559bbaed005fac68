package io.gyre.wasm.internal.metering;

/** The opcodes the metering rewriter treats specially. */
final class Opcodes {

  static final int UNREACHABLE = 0x00;
  static final int BLOCK = 0x02;
  static final int LOOP = 0x03;
  static final int IF = 0x04;
  static final int END = 0x0B;
  static final int RETURN = 0x0F;
  static final int RETURN_CALL = 0x12;
  static final int RETURN_CALL_INDIRECT = 0x13;
  static final int RETURN_CALL_REF = 0x15;
  static final int GLOBAL_GET = 0x23;
  static final int GLOBAL_SET = 0x24;
  static final int I32_CONST = 0x41;
  static final int I64_CONST = 0x42;
  static final int I32_LT_S = 0x48;
  static final int I64_LT_S = 0x53;
  static final int I32_ADD = 0x6A;
  static final int I32_SUB = 0x6B;
  static final int I64_SUB = 0x7D;
  static final int EMPTY_BLOCK_TYPE = 0x40;

  private Opcodes() {}
}
