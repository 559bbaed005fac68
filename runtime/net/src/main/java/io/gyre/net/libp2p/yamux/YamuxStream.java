package io.gyre.net.libp2p.yamux;

import io.gyre.net.ConnectionClosedException;
import io.gyre.net.NetException;
import io.gyre.net.StreamReader;
import io.gyre.net.StreamResetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Yamux stream: a byte stream with its own flow-control windows, half-close (FIN) and reset
 * (RST). Confined to the session's thread. Writes wait for send window; received data counts
 * against the receive window until it is handed to the reader, and the window is re-opened once
 * half of it has been consumed.
 */
public final class YamuxStream {
  /**
   * The most one data frame carries: with its header it fills one Noise frame (65519 bytes of
   * plaintext), so bulk data costs one encryption and one write per frame.
   */
  static final int MAX_CHUNK = 65519 - YamuxHeader.SIZE;

  private final YamuxSession session;
  private final long id;
  private final boolean outbound;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Deque<PendingWrite> writes = new ArrayDeque<>();
  private final List<Runnable> undelivered = new ArrayList<>();
  private StreamReader reader;
  private long sendWindow = YamuxSession.INITIAL_WINDOW;
  private long receiveWindow = YamuxSession.INITIAL_WINDOW;
  private long consumed;
  private boolean finQueued;
  private boolean finSent;
  private boolean finReceived;
  private boolean over;

  private record PendingWrite(byte[] data, int[] offset, CompletableFuture<Void> done) {}

  YamuxStream(YamuxSession session, long id, boolean outbound) {
    this.session = session;
    this.id = id;
    this.outbound = outbound;
  }

  public long id() {
    return id;
  }

  public boolean isOutbound() {
    return outbound;
  }

  /** Sets or replaces the reader; events held for want of one are delivered to it first. */
  public void setReader(StreamReader reader) {
    this.reader = reader;
    List<Runnable> held = new ArrayList<>(undelivered);
    undelivered.clear();
    held.forEach(Runnable::run);
  }

  public CompletableFuture<Void> write(byte[] data) {
    if (over) {
      return CompletableFuture.failedFuture(new StreamResetException("stream " + id + " is reset"));
    }
    if (finQueued) {
      return CompletableFuture.failedFuture(
          new NetException("stream " + id + " is closed for writing"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    writes.add(new PendingWrite(data, new int[] {0}, done));
    pump();
    return done;
  }

  /** Sends FIN once the queued writes are out. */
  public CompletableFuture<Void> closeWrite() {
    if (over || finQueued) {
      return CompletableFuture.completedFuture(null);
    }
    finQueued = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    writes.add(new PendingWrite(null, new int[] {0}, done));
    pump();
    return done;
  }

  public void reset() {
    if (over) {
      return;
    }
    session.send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.RST, id, 0));
    terminate(new StreamResetException("stream " + id + " was reset by this side"));
  }

  public CompletableFuture<Void> closed() {
    return closed;
  }

  public boolean isOver() {
    return over;
  }

  // ---- from the session ----

  void onWindowUpdate(long delta) {
    sendWindow += delta;
    pump();
  }

  void onData(byte[] payload) {
    if (over) {
      return;
    }
    if (finReceived) {
      throw new YamuxException("stream " + id + " received data after its FIN");
    }
    if (payload.length > receiveWindow) {
      throw new YamuxException(
          "stream "
              + id
              + " received "
              + payload.length
              + " bytes with a receive window of "
              + receiveWindow);
    }
    receiveWindow -= payload.length;
    deliver(
        () -> {
          reader.onData(payload);
          consume(payload.length);
        });
  }

  void onFin() {
    if (finReceived || over) {
      return;
    }
    finReceived = true;
    deliver(() -> reader.onEnd());
    finishIfDone();
  }

  void onRemoteReset() {
    terminate(new StreamResetException("stream " + id + " was reset by the remote"));
  }

  void onSessionClosed(String reason) {
    terminate(new ConnectionClosedException("connection closed: " + reason));
  }

  private void deliver(Runnable event) {
    if (reader != null && undelivered.isEmpty()) {
      event.run();
    } else {
      undelivered.add(event);
    }
  }

  private void consume(int bytes) {
    if (over) {
      return;
    }
    consumed += bytes;
    if (consumed >= YamuxSession.INITIAL_WINDOW / 2 && !finReceived) {
      session.send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, 0, id, consumed));
      receiveWindow += consumed;
      consumed = 0;
    }
  }

  private void pump() {
    while (!writes.isEmpty() && !over) {
      PendingWrite next = writes.peek();
      if (next.data() == null) {
        writes.poll();
        finSent = true;
        session
            .send(new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.FIN, id, 0))
            .whenComplete((ok, error) -> complete(next.done(), error));
        finishIfDone();
        return;
      }
      int remaining = next.data().length - next.offset()[0];
      if (remaining > 0 && sendWindow == 0) {
        return;
      }
      int chunk = (int) Math.min(Math.min(remaining, sendWindow), MAX_CHUNK);
      CompletableFuture<Void> sent =
          session.send(
              new YamuxHeader(YamuxHeader.Type.DATA, 0, id, chunk),
              next.data(),
              next.offset()[0],
              chunk);
      next.offset()[0] += chunk;
      sendWindow -= chunk;
      if (next.offset()[0] == next.data().length) {
        writes.poll();
        sent.whenComplete((ok, error) -> complete(next.done(), error));
      }
    }
  }

  private static void complete(CompletableFuture<Void> done, Throwable error) {
    if (error == null) {
      done.complete(null);
    } else {
      done.completeExceptionally(error);
    }
  }

  private void finishIfDone() {
    if (finSent && finReceived && writes.isEmpty() && !over) {
      over = true;
      session.remove(this);
      closed.complete(null);
    }
  }

  private void terminate(NetException cause) {
    if (over) {
      return;
    }
    over = true;
    session.remove(this);
    for (PendingWrite write : writes) {
      write.done().completeExceptionally(cause);
    }
    writes.clear();
    deliver(() -> reader.onReset(cause));
    closed.complete(null);
  }
}
