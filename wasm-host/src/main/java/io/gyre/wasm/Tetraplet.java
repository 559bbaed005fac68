package io.gyre.wasm;

/**
 * Where an argument came from (AquaVM's security tetraplet): the peer and service function that
 * produced it and the lens applied to it. wasm-host keeps its own copy of this value so that it
 * does not depend on the AIR module.
 */
public record Tetraplet(String peerPk, String serviceId, String functionName, String lens) {}
