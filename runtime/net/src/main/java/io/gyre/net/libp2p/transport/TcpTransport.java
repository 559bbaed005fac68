package io.gyre.net.libp2p.transport;

import io.gyre.net.Multiaddr;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code /ip4|ip6|dns…/tcp/<port>}: plain TCP sockets. */
public final class TcpTransport implements Transport {
  private final EventLoopGroup group;
  private final int connectTimeoutMillis;

  public TcpTransport(EventLoopGroup group, int connectTimeoutMillis) {
    this.group = group;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public boolean supports(Multiaddr address) {
    return SocketAddresses.isHostTcp(address, List.of());
  }

  @Override
  public CompletableFuture<Channel> listen(Multiaddr address, Consumer<Channel> setup) {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer(setup));
    return Futures.channel(bootstrap.bind(SocketAddresses.toSocketAddress(address, true)));
  }

  @Override
  public Multiaddr boundAddress(Channel server) {
    return SocketAddresses.toMultiaddr(server.localAddress(), List.of());
  }

  @Override
  public CompletableFuture<Channel> dial(Multiaddr address, Consumer<Channel> setup) {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .handler(initializer(setup));
    ChannelFuture connect = bootstrap.connect(SocketAddresses.toSocketAddress(address, false));
    return Futures.channel(connect);
  }

  @Override
  public Multiaddr remoteAddress(Channel channel) {
    return SocketAddresses.toMultiaddr(channel.remoteAddress(), List.of());
  }

  @Override
  public Multiaddr localAddress(Channel channel) {
    return SocketAddresses.toMultiaddr(channel.localAddress(), List.of());
  }

  private static ChannelInitializer<SocketChannel> initializer(Consumer<Channel> setup) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("transport-ready", new ReadyOnActive());
        setup.accept(channel);
      }
    };
  }
}
