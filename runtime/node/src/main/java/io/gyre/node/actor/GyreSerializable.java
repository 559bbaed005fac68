package io.gyre.node.actor;

/**
 * Marks the messages and events that cross the network or reach the journal; bound once to Jackson
 * CBOR in {@code reference.conf}.
 */
public interface GyreSerializable {}
