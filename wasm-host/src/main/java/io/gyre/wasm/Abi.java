package io.gyre.wasm;

/** How the host talks to a module (wasm-host/README.md describes both). */
public enum Abi {
  /** Gyre's own: exported memory, alloc/free, functions taking and returning JSON in memory. */
  GYRE("gyre"),
  /** A WASI command: JSON arguments on stdin, the JSON result on stdout, `_start` runs it. */
  WASI_COMMAND("wasi-command");

  private final String manifestName;

  Abi(String manifestName) {
    this.manifestName = manifestName;
  }

  /** The name a manifest uses for this ABI. */
  public String manifestName() {
    return manifestName;
  }
}
