package io.gyre.air;

/**
 * Where an argument of a call came from, as AquaVM's security tetraplets say it: the peer and the
 * service function that produced the value, and the lens applied to it (e.g. {@code .$.name}). A
 * literal or init-peer argument has the init peer and empty service and function.
 */
public record Tetraplet(String peerPk, String serviceId, String functionName, String lens) {}
