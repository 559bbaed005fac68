package io.gyre.net;

/**
 * Hears connections come and go (a relay tracks its attached clients with it). Called on the
 * connection's I/O thread: do not block.
 */
public interface ConnectionListener {
  /** The connection is secured and multiplexed; streams may be opened. */
  default void opened(Connection connection) {}

  /** The connection is closed; its streams are gone. */
  default void closed(Connection connection) {}
}
