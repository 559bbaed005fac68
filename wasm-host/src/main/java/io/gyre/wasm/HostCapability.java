package io.gyre.wasm;

/** The host functions a blueprint may let its modules import (wasm-host/README.md). */
public enum HostCapability {
  /** {@code gyre.log}: lines into the call's log. */
  LOGGING,
  /** {@code gyre.call_parameters}: init peer, particle id, service id, host peer, tetraplets. */
  CALL_PARAMETERS,
  /** {@code wasi_snapshot_preview1}: the deterministic subset (no files, sockets or real time). */
  WASI
}
