package io.gyre.persistence;

/**
 * Marks events, snapshots and messages that reach the journal or cross the network; bound once to
 * Jackson CBOR in this module's {@code reference.conf}.
 */
public interface CborSerializable {}
