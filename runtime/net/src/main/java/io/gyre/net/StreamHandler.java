package io.gyre.net;

/** Serves inbound streams of one protocol; registered with {@link Host#handle}. */
@FunctionalInterface
public interface StreamHandler {
  /**
   * A remote opened a stream for this handler's protocol. Called on the connection's I/O thread:
   * set the reader ({@link Stream#read}) here and return; do not block.
   */
  void handle(Stream stream);
}
