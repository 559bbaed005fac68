package io.gyre.net.libp2p.ping;

import io.gyre.net.Connection;
import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamHandler;
import io.gyre.net.StreamReader;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /ipfs/ping/1.0.0}: the asker sends 32 random bytes, the responder sends every byte back,
 * and the round trip is timed.
 */
public final class Ping {
  public static final String PROTOCOL = "/ipfs/ping/1.0.0";
  public static final int SIZE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ping() {}

  /** Echoes whatever arrives, as the spec's responder does with each 32-byte ping. */
  public static StreamHandler responder() {
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

  /** One ping; completes with the round-trip time. */
  public static CompletableFuture<Duration> ping(Connection connection) {
    return connection.openStream(PROTOCOL).thenCompose(Ping::pingOnce);
  }

  private static CompletableFuture<Duration> pingOnce(Stream stream) {
    byte[] payload = new byte[SIZE];
    RANDOM.nextBytes(payload);
    CompletableFuture<Duration> rtt = new CompletableFuture<>();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    long start = System.nanoTime();
    stream.read(
        new StreamReader() {
          @Override
          public void onData(byte[] bytes) {
            received.writeBytes(bytes);
            if (received.size() < SIZE || rtt.isDone()) {
              return;
            }
            if (Arrays.equals(received.toByteArray(), 0, SIZE, payload, 0, SIZE)) {
              rtt.complete(Duration.ofNanos(System.nanoTime() - start));
              stream.closeWrite();
            } else {
              rtt.completeExceptionally(new NetException("ping: the answer differs from the ping"));
              stream.reset();
            }
          }

          @Override
          public void onEnd() {
            rtt.completeExceptionally(new NetException("ping: the stream ended before the answer"));
          }

          @Override
          public void onReset(NetException cause) {
            rtt.completeExceptionally(cause);
          }
        });
    stream
        .write(payload)
        .exceptionally(
            e -> {
              rtt.completeExceptionally(e);
              return null;
            });
    return rtt;
  }
}
