package io.gyre.net;

/**
 * Receives what arrives on a {@link Stream}. Called on the connection's I/O thread, one call at a
 * time and in order: do not block in it (hand long work to your own executor).
 */
public interface StreamReader {
  /** Bytes in the order they were sent; chunk boundaries carry no meaning. */
  void onData(byte[] bytes);

  /** The remote closed its side for writing: no more data will come. */
  default void onEnd() {}

  /** The stream was reset or its connection closed; nothing more will come. */
  default void onReset(NetException cause) {}
}
