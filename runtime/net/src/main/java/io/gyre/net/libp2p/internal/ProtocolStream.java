package io.gyre.net.libp2p.internal;

import io.gyre.net.Connection;
import io.gyre.net.Direction;
import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamReader;
import io.gyre.net.libp2p.yamux.YamuxStream;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A negotiated stream: a Yamux stream and its protocol, usable from any thread. It reads the Yamux
 * stream itself and holds what arrives until the user sets a reader.
 */
final class ProtocolStream implements Stream, StreamReader {
  private final YamuxStream raw;
  private final String protocol;
  private final Libp2pConnection connection;
  private final EventExecutor loop;
  private final List<Consumer<StreamReader>> held = new ArrayList<>();
  private final AtomicBoolean readerSet = new AtomicBoolean();
  private StreamReader reader;

  ProtocolStream(
      YamuxStream raw, String protocol, Libp2pConnection connection, EventExecutor loop) {
    this.raw = raw;
    this.protocol = protocol;
    this.connection = connection;
    this.loop = loop;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public Direction direction() {
    return raw.isOutbound() ? Direction.OUTBOUND : Direction.INBOUND;
  }

  @Override
  public void read(StreamReader reader) {
    if (!readerSet.compareAndSet(false, true)) {
      throw new IllegalStateException("the reader of " + this + " is already set");
    }
    OnLoop.run(
        loop,
        () -> {
          this.reader = reader;
          held.forEach(event -> event.accept(reader));
          held.clear();
        });
  }

  @Override
  public CompletableFuture<Void> write(byte[] bytes) {
    byte[] copy = bytes.clone();
    return OnLoop.call(loop, () -> raw.write(copy));
  }

  @Override
  public CompletableFuture<Void> closeWrite() {
    return OnLoop.call(loop, raw::closeWrite);
  }

  @Override
  public void reset() {
    OnLoop.run(loop, raw::reset);
  }

  @Override
  public CompletableFuture<Void> closed() {
    return raw.closed();
  }

  // ---- from the Yamux stream, on the loop ----

  @Override
  public void onData(byte[] bytes) {
    pass(r -> r.onData(bytes));
  }

  @Override
  public void onEnd() {
    pass(StreamReader::onEnd);
  }

  @Override
  public void onReset(NetException cause) {
    pass(r -> r.onReset(cause));
  }

  private void pass(Consumer<StreamReader> event) {
    if (reader == null) {
      held.add(event);
      return;
    }
    event.accept(reader);
  }

  @Override
  public String toString() {
    return protocol + " stream " + raw.id() + " with " + connection.remotePeer();
  }
}
