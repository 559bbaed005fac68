package io.gyre.net.libp2p.yamux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Two Yamux sessions joined in memory: frames queue up and are delivered by {@link #deliver()}, so
 * a test decides when the wire moves. Every frame sent is also recorded per direction.
 */
final class InMemoryLink {
  record Frame(YamuxHeader header, byte[] payload) {}

  final List<YamuxStream> clientInbound = new ArrayList<>();
  final List<YamuxStream> serverInbound = new ArrayList<>();
  final List<Frame> fromClient = new ArrayList<>();
  final List<Frame> fromServer = new ArrayList<>();
  final YamuxSession client;
  final YamuxSession server;
  private final Deque<Runnable> wire = new ArrayDeque<>();

  InMemoryLink(int maxStreams) {
    client = new YamuxSession(true, sink(true), maxStreams, clientInbound::add);
    server = new YamuxSession(false, sink(false), maxStreams, serverInbound::add);
  }

  private FrameSink sink(boolean fromClientSide) {
    return (header, payload, offset, length) -> {
      byte[] copy = Arrays.copyOfRange(payload, offset, offset + length);
      (fromClientSide ? fromClient : fromServer).add(new Frame(header, copy));
      wire.add(() -> (fromClientSide ? server : client).onFrame(header, copy));
      return CompletableFuture.completedFuture(null);
    };
  }

  /** Delivers queued frames (and the ones they cause) until the wire is quiet. */
  void deliver() {
    while (!wire.isEmpty()) {
      wire.poll().run();
    }
  }

  /** Drops whatever is on the wire. */
  void drop() {
    wire.clear();
  }
}
