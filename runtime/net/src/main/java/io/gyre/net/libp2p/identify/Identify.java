package io.gyre.net.libp2p.identify;

import io.gyre.net.Connection;
import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.StreamHandler;
import io.gyre.net.StreamReader;
import io.gyre.net.framing.LengthPrefixedDecoder;
import io.gyre.net.libp2p.protobuf.ProtobufException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code /ipfs/id/1.0.0}: the responder writes one length-prefixed {@link IdentifyMessage} about
 * itself (with the address it sees the asker at) and closes; the asker reads it and checks that its
 * key is the connection's proven peer.
 */
public final class Identify {
  public static final String PROTOCOL = "/ipfs/id/1.0.0";

  /** js-libp2p's bound as well. */
  public static final int MAX_MESSAGE = 8 * 1024;

  private Identify() {}

  /** Answers with {@code self.apply(connection)}. */
  public static StreamHandler responder(Function<Connection, IdentifyMessage> self) {
    return stream -> {
      stream.read(
          new StreamReader() {
            @Override
            public void onData(byte[] bytes) {}
          });
      byte[] message = self.apply(stream.connection()).encode();
      stream.write(LengthPrefixedDecoder.encode(message));
      stream.closeWrite();
    };
  }

  /** Asks the remote of {@code connection} who it is. */
  public static CompletableFuture<IdentifyMessage> request(Connection connection) {
    return connection.openStream(PROTOCOL).thenCompose(Identify::readAnswer);
  }

  private static CompletableFuture<IdentifyMessage> readAnswer(Stream stream) {
    CompletableFuture<IdentifyMessage> answer = new CompletableFuture<>();
    LengthPrefixedDecoder decoder = new LengthPrefixedDecoder(MAX_MESSAGE);
    stream.read(
        new StreamReader() {
          @Override
          public void onData(byte[] bytes) {
            if (answer.isDone()) {
              return;
            }
            try {
              List<byte[]> messages = decoder.feed(bytes);
              if (!messages.isEmpty()) {
                answer.complete(check(stream, IdentifyMessage.decode(messages.get(0))));
                stream.closeWrite();
              }
            } catch (ProtobufException | NetException e) {
              answer.completeExceptionally(
                  e instanceof NetException n
                      ? n
                      : new NetException("identify: " + e.getMessage()));
              stream.reset();
            }
          }

          @Override
          public void onEnd() {
            answer.completeExceptionally(
                new NetException("identify: the stream ended without a message"));
            stream.closeWrite();
          }

          @Override
          public void onReset(NetException cause) {
            answer.completeExceptionally(cause);
          }
        });
    return answer;
  }

  private static IdentifyMessage check(Stream stream, IdentifyMessage message) {
    if (!message.peer().equals(stream.connection().remotePeer())) {
      throw new NetException(
          "identify: the remote claims key "
              + message.peer()
              + " but proved "
              + stream.connection().remotePeer());
    }
    return message;
  }
}
