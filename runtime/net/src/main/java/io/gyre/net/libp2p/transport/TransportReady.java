package io.gyre.net.libp2p.transport;

/** Netty user event: the transport is ready to carry the connection's bytes. */
public enum TransportReady {
  INSTANCE
}
