package io.gyre.net.libp2p.multistream;

/** Netty user event: the connection-level negotiation agreed on {@code protocol}. */
public record ProtocolSelected(String protocol) {}
