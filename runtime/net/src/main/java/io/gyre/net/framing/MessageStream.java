package io.gyre.net.framing;

import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamReader;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsigned-varint length-prefixed messages over a {@link Stream}, each at most {@code maxSize}
 * bytes both ways. A message over the limit from the remote resets the stream with one log line and
 * {@link MessageReader#onError}; one over the limit from this side fails its future and sends
 * nothing.
 *
 * <pre>{@code
 * MessageStream messages = MessageStream.of(stream, 1 << 20);
 * messages.read(message -> handle(message));
 * messages.send(bytes).join();
 * }</pre>
 */
public final class MessageStream {
  private static final Logger log = LoggerFactory.getLogger(MessageStream.class);

  private final Stream stream;
  private final LengthPrefixedDecoder decoder;

  private MessageStream(Stream stream, int maxSize) {
    this.stream = stream;
    this.decoder = new LengthPrefixedDecoder(maxSize);
  }

  public static MessageStream of(Stream stream, int maxSize) {
    return new MessageStream(stream, maxSize);
  }

  public Stream stream() {
    return stream;
  }

  public int maxSize() {
    return decoder.maxSize();
  }

  /** Sets the reader (once). */
  public void read(MessageReader reader) {
    stream.read(new Decoding(reader));
  }

  public CompletableFuture<Void> send(byte[] message) {
    if (message.length > decoder.maxSize()) {
      return CompletableFuture.failedFuture(
          new FramingException(
              "message of "
                  + message.length
                  + " bytes exceeds the limit of "
                  + decoder.maxSize()
                  + " bytes on "
                  + stream.protocol()));
    }
    return stream.write(LengthPrefixedDecoder.encode(message));
  }

  public CompletableFuture<Void> closeWrite() {
    return stream.closeWrite();
  }

  public void reset() {
    stream.reset();
  }

  private final class Decoding implements StreamReader {
    private final MessageReader reader;
    private boolean failed;

    Decoding(MessageReader reader) {
      this.reader = reader;
    }

    @Override
    public void onData(byte[] bytes) {
      if (failed) {
        return;
      }
      try {
        for (byte[] message : decoder.feed(bytes)) {
          reader.onMessage(message);
        }
      } catch (FramingException e) {
        failed = true;
        log.warn(
            "{} stream from {}: {}; resetting the stream",
            stream.protocol(),
            stream.connection().remotePeer(),
            e.getMessage());
        stream.reset();
        reader.onError(e);
      }
    }

    @Override
    public void onEnd() {
      if (failed) {
        return;
      }
      if (decoder.hasPartial()) {
        failed = true;
        reader.onError(new FramingException("stream ended inside a message"));
        return;
      }
      reader.onEnd();
    }

    @Override
    public void onReset(NetException cause) {
      if (!failed) {
        failed = true;
        reader.onError(cause);
      }
    }
  }
}
