package io.gyre.net;

import java.util.concurrent.CompletableFuture;

/**
 * A bidirectional byte stream for one protocol over a {@link Connection} (a Yamux stream after
 * multistream-select, in libp2p). Every method may be called from any thread.
 *
 * <p>Data that arrives before a reader is set is kept and handed to the reader when it is set. For
 * message framing see {@code io.gyre.net.framing.MessageStream}.
 */
public interface Stream {
  /** The protocol negotiated for this stream, e.g. {@code /gyre/particle/1.0.0}. */
  String protocol();

  Connection connection();

  Direction direction();

  /** Sets the reader (once); anything that arrived before is delivered to it first. */
  void read(StreamReader reader);

  /**
   * Sends {@code bytes}; completes when they are handed to the socket, or fails with {@link
   * StreamResetException} / {@link ConnectionClosedException}. Writes are sent in call order.
   */
  CompletableFuture<Void> write(byte[] bytes);

  /** Closes this side for writing (the remote's reader gets {@code onEnd}); reading goes on. */
  CompletableFuture<Void> closeWrite();

  /** Abandons the stream at once, in both directions. */
  void reset();

  /** Completes when the stream is over: both sides closed, or reset. */
  CompletableFuture<Void> closed();
}
