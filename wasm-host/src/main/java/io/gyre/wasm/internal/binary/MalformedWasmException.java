package io.gyre.wasm.internal.binary;

/** Bytes that are not the WebAssembly binary format, with the offset where reading stopped. */
public class MalformedWasmException extends RuntimeException {

  private final int offset;

  public MalformedWasmException(String message, int offset) {
    super(message + " at byte offset " + offset);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
