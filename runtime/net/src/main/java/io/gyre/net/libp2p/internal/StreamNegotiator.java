package io.gyre.net.libp2p.internal;

import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamHandler;
import io.gyre.net.StreamReader;
import io.gyre.net.libp2p.multistream.MultistreamCodec;
import io.gyre.net.libp2p.multistream.MultistreamException;
import io.gyre.net.libp2p.multistream.MultistreamNegotiation;
import io.gyre.net.libp2p.yamux.YamuxStream;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Negotiates a new Yamux stream's protocol with multistream-select, then hands it over as a {@link
 * ProtocolStream}: to the caller of {@code openStream} (outbound) or to the protocol's handler
 * (inbound). A stalled or failed negotiation resets the stream.
 */
final class StreamNegotiator implements StreamReader {
  private static final Logger log = LoggerFactory.getLogger(StreamNegotiator.class);

  private final YamuxStream raw;
  private final Libp2pConnection connection;
  private final EventExecutor loop;
  private final MultistreamNegotiation negotiation;
  private final MultistreamCodec codec = new MultistreamCodec();
  private final CompletableFuture<ProtocolStream> result = new CompletableFuture<>();
  private final ScheduledFuture<?> deadline;

  private StreamNegotiator(
      YamuxStream raw,
      Libp2pConnection connection,
      EventExecutor loop,
      MultistreamNegotiation negotiation,
      Duration timeout) {
    this.raw = raw;
    this.connection = connection;
    this.loop = loop;
    this.negotiation = negotiation;
    this.deadline =
        loop.schedule(
            () ->
                refuse(
                    new NetException(
                        "protocol negotiation not finished within " + timeout.toMillis() + " ms")),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    raw.setReader(this);
    raw.write(negotiation.start());
  }

  /** Proposes {@code protocol} on a stream this side opened. */
  static CompletableFuture<Stream> outbound(
      YamuxStream raw,
      String protocol,
      Libp2pConnection connection,
      EventExecutor loop,
      Duration timeout) {
    StreamNegotiator negotiator =
        new StreamNegotiator(
            raw, connection, loop, MultistreamNegotiation.dialer(List.of(protocol)), timeout);
    return negotiator.result.thenApply(stream -> stream);
  }

  /** Answers the remote's proposals with the host's protocols and calls the chosen handler. */
  static void inbound(
      YamuxStream raw,
      Libp2pConnection connection,
      EventExecutor loop,
      Protocols protocols,
      Duration timeout) {
    StreamNegotiator negotiator =
        new StreamNegotiator(
            raw,
            connection,
            loop,
            MultistreamNegotiation.listener(p -> protocols.get(p).isPresent()),
            timeout);
    negotiator.result.thenAccept(
        stream -> {
          Optional<StreamHandler> handler = protocols.get(stream.protocol());
          try {
            handler.orElseThrow(() -> new NetException("handler removed")).handle(stream);
          } catch (RuntimeException e) {
            log.warn("{}: the handler failed ({}); resetting the stream", stream, e.toString());
            stream.reset();
          }
        });
  }

  @Override
  public void onData(byte[] bytes) {
    if (result.isDone()) {
      return;
    }
    try {
      byte[] chunk = bytes;
      while (!result.isDone()) {
        List<String> messages = codec.feed(chunk, 1);
        chunk = new byte[0];
        if (messages.isEmpty()) {
          return;
        }
        MultistreamNegotiation.Step step = negotiation.onMessage(messages.get(0));
        if (step.reply().length > 0) {
          raw.write(step.reply());
        }
        if (step.selected().isPresent()) {
          succeed(step.selected().get());
        }
      }
    } catch (MultistreamException e) {
      refuse(e);
    } catch (NetException e) {
      fail(e);
    }
  }

  /** The remote broke the protocol or stalled: one warning, then the stream is reset. */
  private void refuse(NetException cause) {
    if (!result.isDone()) {
      log.warn(
          "{} stream {} with {}: {}; resetting it",
          raw.isOutbound() ? "outbound" : "inbound",
          raw.id(),
          connection.remotePeer(),
          cause.getMessage());
    }
    fail(cause);
  }

  private void succeed(String protocol) {
    deadline.cancel(false);
    ProtocolStream stream = new ProtocolStream(raw, protocol, connection, loop);
    raw.setReader(stream);
    byte[] rest = codec.drain();
    if (rest.length > 0) {
      stream.onData(rest);
    }
    result.complete(stream);
  }

  @Override
  public void onEnd() {
    fail(new NetException("the remote closed the stream during protocol negotiation"));
  }

  @Override
  public void onReset(NetException cause) {
    fail(cause);
  }

  private void fail(NetException cause) {
    if (result.isDone()) {
      return;
    }
    deadline.cancel(false);
    result.completeExceptionally(cause); // first: the reset below reports back to this reader
    raw.reset();
  }
}
