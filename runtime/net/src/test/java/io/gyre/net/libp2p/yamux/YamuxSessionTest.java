package io.gyre.net.libp2p.yamux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.net.ConnectionClosedException;
import io.gyre.net.NetException;
import io.gyre.net.StreamReader;
import io.gyre.net.StreamResetException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class YamuxSessionTest {
  /** Collects what a stream delivers. */
  static final class Collector implements StreamReader {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    boolean ended;
    final List<NetException> resets = new ArrayList<>();

    @Override
    public void onData(byte[] bytes) {
      data.writeBytes(bytes);
    }

    @Override
    public void onEnd() {
      ended = true;
    }

    @Override
    public void onReset(NetException cause) {
      resets.add(cause);
    }
  }

  private final InMemoryLink link = new InMemoryLink(8);

  @Test
  void openWriteHalfCloseBothWays() {
    YamuxStream opened = link.client.openStream();
    assertEquals(1, opened.id());
    opened.write("hello".getBytes());
    opened.closeWrite();
    link.deliver();

    YamuxStream accepted = link.serverInbound.get(0);
    Collector atServer = new Collector();
    accepted.setReader(atServer);
    assertEquals("hello", atServer.data.toString());
    assertTrue(atServer.ended);
    assertFalse(accepted.closed().isDone(), "half-closed: the server may still write");

    Collector atClient = new Collector();
    opened.setReader(atClient);
    accepted.write("world".getBytes());
    accepted.closeWrite();
    link.deliver();
    assertEquals("world", atClient.data.toString());
    assertTrue(opened.closed().isDone() && accepted.closed().isDone());
    assertEquals(0, link.client.openStreams());
    assertEquals(0, link.server.openStreams());
    // SYN on the first frame of the opener, ACK on the first of the acceptor
    assertTrue(link.fromClient.get(0).header().has(YamuxHeader.SYN));
    assertTrue(link.fromServer.get(0).header().has(YamuxHeader.ACK));
  }

  @Test
  void writesWaitForTheSendWindow() {
    YamuxStream opened = link.client.openStream();
    byte[] big = new byte[YamuxSession.INITIAL_WINDOW + 100_000];
    new java.util.Random(1).nextBytes(big);
    CompletableFuture<Void> written = opened.write(big);
    long sent =
        link.fromClient.stream()
            .filter(f -> f.header().type() == YamuxHeader.Type.DATA)
            .mapToLong(f -> f.payload().length)
            .sum();
    assertEquals(
        YamuxSession.INITIAL_WINDOW, sent, "no more than the initial window before an update");
    assertFalse(written.isDone());

    link.deliver(); // the server has no reader yet: nothing is consumed, no window update
    assertFalse(written.isDone());

    Collector atServer = new Collector();
    link.serverInbound.get(0).setReader(atServer); // consumes, re-opens the window
    link.deliver();
    assertTrue(written.isDone());
    assertArrayEquals(big, atServer.data.toByteArray());
  }

  @Test
  void dataBeyondTheReceiveWindowIsAProtocolError() {
    link.client.openStream();
    link.deliver();
    byte[] tooMuch = new byte[YamuxSession.INITIAL_WINDOW + 1];
    YamuxException e =
        assertThrows(
            YamuxException.class,
            () ->
                link.server.onFrame(
                    new YamuxHeader(YamuxHeader.Type.DATA, 0, 1, tooMuch.length), tooMuch));
    assertEquals("stream 1 received 262145 bytes with a receive window of 262144", e.getMessage());
  }

  @Test
  void resetReachesTheOtherSideAndFailsPendingWrites() {
    YamuxStream opened = link.client.openStream();
    link.deliver();
    YamuxStream accepted = link.serverInbound.get(0);
    Collector atServer = new Collector();
    accepted.setReader(atServer);
    opened.reset();
    link.deliver();
    assertInstanceOf(StreamResetException.class, atServer.resets.get(0));
    assertTrue(accepted.closed().isDone());
    CompletableFuture<Void> late = accepted.write(new byte[1]);
    assertTrue(late.isCompletedExceptionally());
    assertEquals(0, link.server.openStreams());
  }

  @Test
  void streamsOverTheLimitAreRefusedWithRst() {
    for (int i = 0; i < 8; i++) {
      link.client.openStream();
    }
    link.deliver();
    assertEquals(8, link.server.openStreams());
    // the client's own limit stops a ninth; the remote's frames are checked all the same
    assertThrows(YamuxLimitException.class, link.client::openStream);
    link.server.onFrame(
        new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.SYN, 99, 0), new byte[0]);
    InMemoryLink.Frame last = link.fromServer.get(link.fromServer.size() - 1);
    assertEquals(99, last.header().streamId());
    assertTrue(last.header().has(YamuxHeader.RST));
    assertEquals(8, link.server.openStreams());
  }

  @Test
  void protocolViolationsAreRefused() {
    assertEquals(
        "remote opened stream 2 with this side's even ids",
        assertThrows(
                YamuxException.class,
                () ->
                    link.server.onFrame(
                        new YamuxHeader(YamuxHeader.Type.DATA, YamuxHeader.SYN, 2, 0), new byte[0]))
            .getMessage());
    link.client.openStream();
    link.deliver();
    assertEquals(
        "SYN for stream 1, which is already open",
        assertThrows(
                YamuxException.class,
                () ->
                    link.server.onFrame(
                        new YamuxHeader(YamuxHeader.Type.WINDOW_UPDATE, YamuxHeader.SYN, 1, 0),
                        new byte[0]))
            .getMessage());
    assertEquals(
        "DATA frame on stream 0",
        assertThrows(
                YamuxException.class,
                () ->
                    link.server.onFrame(
                        new YamuxHeader(YamuxHeader.Type.DATA, 0, 0, 0), new byte[0]))
            .getMessage());
  }

  @Test
  void pingIsAnswered() {
    CompletableFuture<Long> answered = link.client.ping();
    assertFalse(answered.isDone());
    link.deliver();
    assertTrue(answered.isDone());
  }

  @Test
  void afterGoAwayNoNewStreams() {
    link.server.goAway(YamuxHeader.NORMAL);
    link.deliver();
    ConnectionClosedException e =
        assertThrows(ConnectionClosedException.class, link.client::openStream);
    assertEquals("the remote is going away: no new streams", e.getMessage());
  }

  @Test
  void closingTheSessionResetsEveryStream() {
    YamuxStream opened = link.client.openStream();
    Collector reader = new Collector();
    opened.setReader(reader);
    CompletableFuture<Long> ping = link.client.ping();
    link.client.close("test over");
    assertInstanceOf(ConnectionClosedException.class, reader.resets.get(0));
    assertTrue(ping.isCompletedExceptionally());
    assertEquals(0, link.client.openStreams());
  }
}
