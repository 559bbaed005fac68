package io.gyre.net.libp2p.transport;

import io.gyre.net.ConnectionClosedException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.CompletableFuture;

/** Netty's channel futures as CompletableFutures. */
final class Futures {
  private Futures() {}

  static CompletableFuture<Channel> channel(ChannelFuture future) {
    CompletableFuture<Channel> out = new CompletableFuture<>();
    future.addListener(
        f -> {
          if (f.isSuccess()) {
            out.complete(future.channel());
          } else {
            out.completeExceptionally(
                new ConnectionClosedException(String.valueOf(f.cause().getMessage()), f.cause()));
          }
        });
    return out;
  }
}
