package io.gyre.net.libp2p.yamux;

import java.util.concurrent.CompletableFuture;

/** Where a {@link YamuxSession} sends its frames (the Netty handler, or a test's list). */
public interface FrameSink {
  /** Sends one frame; completes when it is handed to the socket. */
  CompletableFuture<Void> send(YamuxHeader header, byte[] payload, int offset, int length);

  default CompletableFuture<Void> send(YamuxHeader header) {
    return send(header, new byte[0], 0, 0);
  }
}
