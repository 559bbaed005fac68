package io.gyre.net.libp2p;

import io.gyre.net.Connection;
import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamHandler;
import io.gyre.net.StreamReader;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** The tests' echo protocol: every byte back, and FIN after the remote's FIN. */
final class Echo {
  static final String PROTOCOL = "/gyre/echo/1.0.0";

  private Echo() {}

  static StreamHandler handler() {
    return stream ->
        stream.read(
            new StreamReader() {
              @Override
              public void onData(byte[] bytes) {
                stream.write(bytes);
              }

              @Override
              public void onEnd() {
                stream.closeWrite();
              }
            });
  }

  /**
   * Sends {@code payload} on a new echo stream in 16 KiB writes, closes, returns what came back.
   */
  static CompletableFuture<byte[]> roundTrip(Connection connection, byte[] payload) {
    return connection.openStream(PROTOCOL).thenCompose(stream -> exchange(stream, payload));
  }

  static CompletableFuture<byte[]> exchange(Stream stream, byte[] payload) {
    CompletableFuture<byte[]> back = new CompletableFuture<>();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    stream.read(
        new StreamReader() {
          @Override
          public void onData(byte[] bytes) {
            received.writeBytes(bytes);
          }

          @Override
          public void onEnd() {
            back.complete(received.toByteArray());
          }

          @Override
          public void onReset(NetException cause) {
            back.completeExceptionally(cause);
          }
        });
    int chunk = 16 * 1024;
    for (int at = 0; at < payload.length; at += chunk) {
      byte[] part = java.util.Arrays.copyOfRange(payload, at, Math.min(payload.length, at + chunk));
      stream.write(part);
    }
    stream.closeWrite();
    return back;
  }
}
