package io.gyre.node.relay;

import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleCodec;
import io.gyre.air.particle.ParticleError;
import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.Stream;
import io.gyre.net.framing.MessageStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes side of one client's connection to its relay: the particle streams it opened (the
 * newest open one carries particles to the client; without one the relay opens its own) and the
 * error stream the relay opens to it on the first error. Thread-safe: the client's link writes from
 * its actor, the relay from the connection's thread.
 */
final class ClientConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  /** Errors are short: a message names the particle and what was wrong. */
  static final int MAX_ERROR_BYTES = 64 * 1024;

  private final Connection connection;
  private final int maxMessageBytes;
  private final Consumer<MessageStream> serve;
  private volatile MessageStream latest;
  private CompletableFuture<MessageStream> opened;
  private CompletableFuture<MessageStream> errors;

  /**
   * @param serve reads what the client sends on a particle stream (one it opened or the relay did)
   */
  ClientConnection(Connection connection, int maxMessageBytes, Consumer<MessageStream> serve) {
    this.connection = connection;
    this.maxMessageBytes = maxMessageBytes;
    this.serve = serve;
  }

  PeerId clientId() {
    return connection.remotePeer();
  }

  Connection connection() {
    return connection;
  }

  /** A particle stream the client opened: the newest carries particles to it from now on. */
  void clientOpened(Stream stream) {
    MessageStream messages = MessageStream.of(stream, maxMessageBytes);
    serve.accept(messages);
    latest = messages;
    stream
        .closed()
        .whenComplete(
            (done, error) -> {
              if (latest == messages) {
                latest = null;
              }
            });
  }

  /** Sends a particle to the client; a failure is the connection's end, seen by the relay. */
  void deliver(Particle particle) {
    byte[] bytes = ParticleCodec.encode(particle);
    particleStream()
        .thenCompose(stream -> stream.send(bytes))
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                LOG.debug("particle {} not delivered to {}: {}", particle.id(), clientId(), error);
              }
            });
  }

  /** Tells the client what went wrong; never fails (a client without the protocol is not told). */
  CompletableFuture<Void> sendError(ParticleError error) {
    return errorStream()
        .thenCompose(stream -> stream.send(error.encode()))
        .exceptionally(
            failure -> {
              LOG.debug("could not tell {} '{}': {}", clientId(), error, failure.toString());
              return null;
            });
  }

  CompletableFuture<Void> close() {
    return connection.close();
  }

  private CompletableFuture<MessageStream> particleStream() {
    MessageStream current = latest;
    if (current != null) {
      return CompletableFuture.completedFuture(current);
    }
    synchronized (this) {
      if (opened == null || opened.isCompletedExceptionally()) {
        opened =
            connection
                .openStream(ParticleCodec.PROTOCOL)
                .thenApply(
                    stream -> {
                      MessageStream messages = MessageStream.of(stream, maxMessageBytes);
                      serve.accept(messages);
                      return messages;
                    });
      }
      return opened;
    }
  }

  private synchronized CompletableFuture<MessageStream> errorStream() {
    if (errors == null) {
      errors =
          connection
              .openStream(ParticleError.PROTOCOL)
              .thenApply(stream -> MessageStream.of(stream, MAX_ERROR_BYTES));
    }
    return errors;
  }
}
