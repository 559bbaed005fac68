package io.gyre.net;

import io.gyre.identity.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One endpoint of the wire: it listens on addresses, dials others, serves protocols on inbound
 * streams and tells who connects. The libp2p implementation is {@code
 * io.gyre.net.libp2p.Libp2pHost}. {@link #close()} releases every socket and thread.
 */
public interface Host extends AutoCloseable {
  PeerId peerId();

  /**
   * Listens on {@code address} (port 0 = any free port); completes with the bound address ending in
   * {@code /p2p/<peer id>}, e.g. {@code /ip4/127.0.0.1/tcp/41234/ws/p2p/12D3KooW…}.
   */
  CompletableFuture<Multiaddr> listen(Multiaddr address);

  /** The bound addresses so far, each with {@code /p2p/<peer id>}. */
  List<Multiaddr> listenAddresses();

  /**
   * Connects to {@code address}; when it ends in {@code /p2p/<id>}, the remote must prove that
   * identity or the dial fails. Fails with {@link ConnectionClosedException} when the remote cannot
   * be reached or the handshake fails.
   *
   * @throws InvalidMultiaddrException when no transport handles the address
   */
  CompletableFuture<Connection> dial(Multiaddr address);

  /** Serves inbound streams of {@code protocol} with {@code handler} (replacing an earlier one). */
  void handle(String protocol, StreamHandler handler);

  /** Stops serving {@code protocol}: later streams for it are refused with {@code na}. */
  void unhandle(String protocol);

  /** The protocols served, in registration order. */
  List<String> protocols();

  /** The open connections. */
  List<Connection> connections();

  void addConnectionListener(ConnectionListener listener);

  void removeConnectionListener(ConnectionListener listener);

  /** Closes every listener and connection and stops the I/O threads; waits for them. */
  @Override
  void close();
}
