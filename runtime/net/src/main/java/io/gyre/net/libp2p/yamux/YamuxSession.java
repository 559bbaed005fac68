package io.gyre.net.libp2p.yamux;

import io.gyre.net.ConnectionClosedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Yamux session ({@code /yamux/1.0.0}, hashicorp/yamux spec.md) over one connection, without I/O
 * of its own: frames come in through {@link #onFrame} and go out through a {@link FrameSink}. The
 * dialer is the client and opens odd stream ids, the listener even ones. Confined to one thread
 * (the connection's event loop). A {@link YamuxException} from {@link #onFrame} ends the session:
 * the caller sends GoAway(protocol error) and closes.
 */
public final class YamuxSession {
  private static final Logger log = LoggerFactory.getLogger(YamuxSession.class);

  /** The spec's initial stream window; Gyre never grows its receive window beyond it. */
  public static final int INITIAL_WINDOW = 256 * 1024;

  private final boolean client;
  private final FrameSink sink;
  private final int maxStreams;
  private final Consumer<YamuxStream> inbound;
  private final Map<Long, YamuxStream> streams = new HashMap<>();
  private final Map<Long, CompletableFuture<Long>> pings = new HashMap<>();
  private volatile int openCount; // read from other threads
  private long nextStreamId;
  private long nextPingId = 1;
  private boolean goAwayReceived;
  private boolean closed;
  private String closeReason = "";

  /**
   * @param inbound told of each stream the remote opens (a stream over {@code maxStreams} is
   *     refused with RST instead)
   */
  public YamuxSession(
      boolean client, FrameSink sink, int maxStreams, Consumer<YamuxStream> inbound) {
    this.client = client;
    this.sink = sink;
    this.maxStreams = maxStreams;
    this.inbound = inbound;
    this.nextStreamId = client ? 1 : 2;
  }

  /** Opens a stream (SYN sent at once, data may follow before the ACK). */
  public YamuxStream openStream() {
    if (closed) {
      throw new ConnectionClosedException("connection closed: " + closeReason);
    }
    if (goAwayReceived) {
      throw new ConnectionClosedException("the remote is going away: no new streams");
    }
    if (streams.size() >= maxStreams) {
      throw new YamuxLimitException(
          "already "
              + streams.size()
              + " streams open on this connection (limit "
              + maxStreams
              + ")");
    }
    long id = nextStreamId;
    nextStreamId += 2;
    YamuxStream stream = new YamuxStream(this, id, true);
    streams.put(id, stream);
    openCount = streams.size();
    send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.SYN, id, 0));
    return stream;
  }

  /**
   * Handles one frame from the remote (for data frames, with its payload).
   *
   * @throws YamuxException on a protocol violation
   */
  public void onFrame(YamuxHeader header, byte[] payload) {
    switch (header.type()) {
      case DATA, WINDOW_UPDATE -> onStreamFrame(header, payload);
      case PING -> onPing(header);
      case GO_AWAY -> onGoAway(header);
    }
  }

  /** Sends a ping; completes with its opaque value when the remote answers. */
  public CompletableFuture<Long> ping() {
    long id = nextPingId++ & 0xFFFFFFFFL;
    CompletableFuture<Long> answered = new CompletableFuture<>();
    pings.put(id, answered);
    send(new YamuxHeader(YamuxHeader.Type.PING, YamuxHeader.SYN, 0, id));
    return answered;
  }

  /** Sends GoAway with {@code code}; no new streams either way afterwards. */
  public CompletableFuture<Void> goAway(int code) {
    return send(new YamuxHeader(YamuxHeader.Type.GO_AWAY, 0, 0, code));
  }

  /** The connection is gone: every stream is reset and every ping fails. */
  public void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    closeReason = reason;
    for (YamuxStream stream : new ArrayList<>(streams.values())) {
      stream.onSessionClosed(reason);
    }
    streams.clear();
    openCount = 0;
    ConnectionClosedException cause = new ConnectionClosedException("connection closed: " + reason);
    pings.values().forEach(p -> p.completeExceptionally(cause));
    pings.clear();
  }

  /** Streams open now; safe to read from any thread. */
  public int openStreams() {
    return openCount;
  }

  public boolean isClosed() {
    return closed;
  }

  public List<YamuxStream> streams() {
    return List.copyOf(streams.values());
  }

  CompletableFuture<Void> send(YamuxHeader header, byte[] payload, int offset, int length) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new ConnectionClosedException("connection closed: " + closeReason));
    }
    return sink.send(header, payload, offset, length);
  }

  CompletableFuture<Void> send(YamuxHeader header) {
    return send(header, new byte[0], 0, 0);
  }

  void remove(YamuxStream stream) {
    streams.remove(stream.id(), stream);
    openCount = streams.size();
  }

  private void onStreamFrame(YamuxHeader header, byte[] payload) {
    long id = header.streamId();
    if (id == 0) {
      throw new YamuxException(header.type() + " frame on stream 0");
    }
    YamuxStream stream = streams.get(id);
    if (header.has(YamuxHeader.SYN)) {
      if (stream != null) {
        throw new YamuxException("SYN for stream " + id + ", which is already open");
      }
      if ((id % 2 == 1) == client) {
        throw new YamuxException(
            "remote opened stream "
                + id
                + " with this side's "
                + (client ? "odd" : "even")
                + " ids");
      }
      stream = acceptInbound(id);
      if (stream == null) {
        return;
      }
    } else if (stream == null) {
      return; // a frame for a stream that is over: it may cross our RST or FIN on the wire
    }
    if (header.type() == YamuxHeader.Type.WINDOW_UPDATE) {
      stream.onWindowUpdate(header.length());
    } else if (payload.length > 0) {
      stream.onData(payload);
    }
    if (header.has(YamuxHeader.FIN)) {
      stream.onFin();
    }
    if (header.has(YamuxHeader.RST)) {
      stream.onRemoteReset();
    }
  }

  private YamuxStream acceptInbound(long id) {
    if (goAwayReceived || closed) {
      send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.RST, id, 0));
      return null;
    }
    if (streams.size() >= maxStreams) {
      log.warn(
          "yamux: refusing stream {} from the remote: {} streams already open (limit {})",
          id,
          streams.size(),
          maxStreams);
      send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.RST, id, 0));
      return null;
    }
    YamuxStream stream = new YamuxStream(this, id, false);
    streams.put(id, stream);
    openCount = streams.size();
    send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.ACK, id, 0));
    inbound.accept(stream);
    return stream;
  }

  private void onPing(YamuxHeader header) {
    if (header.has(YamuxHeader.SYN)) {
      send(new YamuxHeader(YamuxHeader.Type.PING, YamuxHeader.ACK, 0, header.length()));
    } else if (header.has(YamuxHeader.ACK)) {
      CompletableFuture<Long> answered = pings.remove(header.length());
      if (answered != null) {
        answered.complete(header.length());
      }
    }
  }

  private void onGoAway(YamuxHeader header) {
    goAwayReceived = true;
    if (header.length() != YamuxHeader.NORMAL) {
      log.warn("yamux: the remote sent GoAway with error code {}", header.length());
    }
  }
}
