package io.gyre.net.libp2p.transport;

import io.gyre.net.Multiaddr;
import io.gyre.net.MultiaddrProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code /ip4|ip6|dns…/tcp/<port>/ws}: libp2p over WebSocket (binary frames, path {@code /}, as
 * js-libp2p's {@code @libp2p/websockets} speaks it). A frame over {@code maxFrame} bytes closes the
 * connection.
 */
public final class WebSocketTransport implements Transport {
  private static final List<MultiaddrProtocol> WS = List.of(MultiaddrProtocol.WS);

  private final EventLoopGroup group;
  private final int connectTimeoutMillis;
  private final int maxFrame;
  private final long handshakeTimeoutMillis;

  public WebSocketTransport(
      EventLoopGroup group, int connectTimeoutMillis, int maxFrame, long handshakeTimeoutMillis) {
    this.group = group;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.maxFrame = maxFrame;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  @Override
  public boolean supports(Multiaddr address) {
    return SocketAddresses.isHostTcp(address, WS);
  }

  @Override
  public CompletableFuture<Channel> listen(Multiaddr address, Consumer<Channel> setup) {
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/")
            .checkStartsWith(true)
            .handshakeTimeoutMillis(handshakeTimeoutMillis)
            .decoderConfig(
                WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxFrame).build())
            .build();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast("http", new HttpServerCodec());
                    pipeline.addLast("http-aggregator", new HttpObjectAggregator(8192));
                    pipeline.addLast("websocket", new WebSocketServerProtocolHandler(config));
                    pipeline.addLast("transport-ready", new WebSocketReady());
                    pipeline.addLast("websocket-bytes", new WebSocketBytes());
                    setup.accept(channel);
                  }
                });
    return Futures.channel(bootstrap.bind(SocketAddresses.toSocketAddress(address, true)));
  }

  @Override
  public Multiaddr boundAddress(Channel server) {
    return SocketAddresses.toMultiaddr(server.localAddress(), WS);
  }

  @Override
  public CompletableFuture<Channel> dial(Multiaddr address, Consumer<Channel> setup) {
    InetSocketAddress target = SocketAddresses.toSocketAddress(address, false);
    String host = target.getHostString();
    URI uri =
        URI.create(
            "ws://"
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":"
                + target.getPort()
                + "/");
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(maxFrame)
            .handshakeTimeoutMillis(handshakeTimeoutMillis)
            .build();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast("http", new HttpClientCodec());
                    pipeline.addLast("http-aggregator", new HttpObjectAggregator(8192));
                    pipeline.addLast("websocket", new WebSocketClientProtocolHandler(config));
                    pipeline.addLast("transport-ready", new WebSocketReady());
                    pipeline.addLast("websocket-bytes", new WebSocketBytes());
                    setup.accept(channel);
                  }
                });
    return Futures.channel(bootstrap.connect(target));
  }

  @Override
  public Multiaddr remoteAddress(Channel channel) {
    return SocketAddresses.toMultiaddr(channel.remoteAddress(), WS);
  }

  @Override
  public Multiaddr localAddress(Channel channel) {
    return SocketAddresses.toMultiaddr(channel.localAddress(), WS);
  }
}
