package io.gyre.wasm.internal.metering;

/**
 * A module rewritten for metering: its bytes, and the indices of the two globals the rewriter added
 * — the fuel left (i64) and the call depth left (i32). The host sets both before a call and reads
 * them after; a metered module traps as soon as either drops below zero.
 */
public record MeteredModule(byte[] bytes, int fuelGlobal, int depthGlobal) {}
