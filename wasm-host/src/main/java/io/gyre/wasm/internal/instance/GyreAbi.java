package io.gyre.wasm.internal.instance;

import io.gyre.wasm.CallError;

/**
 * Calls a Gyre ABI function: {@code alloc} a buffer for the JSON arguments, call {@code export(ptr,
 * len)}, read the result at the returned {@code ptr << 32 | len}, then {@code free} both buffers.
 */
final class GyreAbi {

  private GyreAbi() {}

  /** The result bytes of {@code export(args)}; at most {@code maxResultBytes} of them. */
  static byte[] invoke(ModuleInstance module, String export, byte[] args, int maxResultBytes) {
    int argsPtr = (int) module.call("alloc", args.length)[0];
    if (argsPtr == 0 && args.length > 0) {
      String message = "module " + module.name() + ": alloc(" + args.length + ") returned 0";
      throw module.atServiceMemoryLimit()
          ? new CallFailure(
              CallError.Kind.MEMORY_LIMIT,
              "memory limit: " + message + " at the service's page limit",
              false)
          : new CallFailure(CallError.Kind.BAD_RESULT, message, false);
    }
    module.memory().write(argsPtr, args);
    long packed = module.call(export, argsPtr, args.length)[0];
    int resultPtr = (int) (packed >>> 32);
    int resultLen = (int) packed;
    if (Integer.toUnsignedLong(resultLen) > maxResultBytes) {
      throw new CallFailure(
          CallError.Kind.OUTPUT_SIZE_LIMIT,
          "output size limit: the result is "
              + Integer.toUnsignedLong(resultLen)
              + " bytes, the limit is "
              + maxResultBytes,
          true);
    }
    byte[] result;
    try {
      result = module.memory().readBytes(resultPtr, resultLen);
    } catch (RuntimeException e) {
      throw new CallFailure(
          CallError.Kind.BAD_RESULT,
          "module "
              + module.name()
              + " returned a result outside its memory (ptr "
              + Integer.toUnsignedString(resultPtr)
              + ", len "
              + resultLen
              + ")",
          false);
    }
    module.call("free", resultPtr, resultLen);
    module.call("free", argsPtr, args.length);
    return result;
  }

  static long pack(int ptr, int len) {
    return (Integer.toUnsignedLong(ptr) << 32) | Integer.toUnsignedLong(len);
  }
}
