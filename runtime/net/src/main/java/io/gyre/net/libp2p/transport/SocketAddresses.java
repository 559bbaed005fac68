package io.gyre.net.libp2p.transport;

import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import io.gyre.net.MultiaddrProtocol;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Between {@code /ip4|ip6|dns…/tcp[/ws]} multiaddrs and Java socket addresses. */
public final class SocketAddresses {
  private SocketAddresses() {}

  /** True for {@code /<host>/tcp/<port>} followed by exactly {@code suffix} (e.g. WS or none). */
  static boolean isHostTcp(Multiaddr address, List<MultiaddrProtocol> suffix) {
    List<Multiaddr.Component> parts = address.withoutPeerId().components();
    if (parts.size() != 2 + suffix.size()
        || !parts.get(0).protocol().isHost()
        || parts.get(1).protocol() != MultiaddrProtocol.TCP) {
      return false;
    }
    for (int i = 0; i < suffix.size(); i++) {
      if (parts.get(2 + i).protocol() != suffix.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The socket address of {@code /<host>/tcp/<port>…}; DNS names are left unresolved (Netty
   * resolves them when it connects) unless {@code resolve} is set.
   */
  static InetSocketAddress toSocketAddress(Multiaddr address, boolean resolve) {
    List<Multiaddr.Component> parts = address.withoutPeerId().components();
    Multiaddr.Component host = parts.get(0);
    int port = Integer.parseInt(parts.get(1).value());
    return switch (host.protocol()) {
      case IP4, IP6 -> new InetSocketAddress(literal(host.value()), port);
      default ->
          resolve
              ? new InetSocketAddress(host.value(), port)
              : InetSocketAddress.createUnresolved(host.value(), port);
    };
  }

  /** {@code /ip4|ip6/<address>/tcp/<port>} plus {@code suffix}. */
  static Multiaddr toMultiaddr(SocketAddress socketAddress, List<MultiaddrProtocol> suffix) {
    InetSocketAddress inet = (InetSocketAddress) socketAddress;
    InetAddress ip = inet.getAddress();
    List<Multiaddr.Component> parts = new ArrayList<>();
    if (ip instanceof Inet4Address) {
      parts.add(new Multiaddr.Component(MultiaddrProtocol.IP4, ip.getHostAddress()));
    } else {
      String text = ip.getHostAddress();
      int scope = text.indexOf('%');
      parts.add(
          new Multiaddr.Component(
              MultiaddrProtocol.IP6, scope < 0 ? text : text.substring(0, scope)));
    }
    parts.add(new Multiaddr.Component(MultiaddrProtocol.TCP, Integer.toString(inet.getPort())));
    suffix.forEach(p -> parts.add(new Multiaddr.Component(p, "")));
    return new Multiaddr(parts);
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new InvalidMultiaddrException("'" + text + "' is not an IP address");
    }
  }
}
