package io.gyre.net;

import io.gyre.identity.PeerId;
import java.util.concurrent.CompletableFuture;

/**
 * A secured, multiplexed connection to one remote peer. The remote's {@link #remotePeer()} is
 * proven by the handshake (libp2p: the Noise identity signature), never taken on trust.
 */
public interface Connection {
  /** The remote's verified identity. */
  PeerId remotePeer();

  /** The remote's transport address, e.g. {@code /ip4/127.0.0.1/tcp/54012} or {@code …/ws}. */
  Multiaddr remoteAddress();

  /** This side's transport address of the connection. */
  Multiaddr localAddress();

  Direction direction();

  /**
   * Opens a stream and negotiates {@code protocol}; fails with {@link
   * ProtocolNotSupportedException} when the remote has no handler for it.
   */
  CompletableFuture<Stream> openStream(String protocol);

  /** Streams open right now on this connection. */
  int openStreams();

  boolean isOpen();

  /** Closes the connection (every stream on it is reset); completes once the socket is closed. */
  CompletableFuture<Void> close();

  /** Completes when the connection is closed, by either side or by a failure. */
  CompletableFuture<Void> closeFuture();
}
