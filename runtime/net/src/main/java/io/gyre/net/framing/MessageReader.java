package io.gyre.net.framing;

import io.gyre.net.NetException;

/**
 * Receives the messages of a {@link MessageStream}, on the connection's I/O thread, in order: do
 * not block in it.
 */
public interface MessageReader {
  void onMessage(byte[] message);

  /** The remote closed its side cleanly after its last message. */
  default void onEnd() {}

  /**
   * The stream failed: reset by the remote, connection lost, or a malformed / oversize message
   * ({@link FramingException}, after which the stream is reset).
   */
  default void onError(NetException cause) {}
}
