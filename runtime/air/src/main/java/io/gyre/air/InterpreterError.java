package io.gyre.air;

/**
 * An error that ended a run on this peer, with AquaVM's ret_code (e.g. 20013 for a stream past its
 * limit) and a message that names what was wrong.
 */
public record InterpreterError(int retCode, String message) {}
