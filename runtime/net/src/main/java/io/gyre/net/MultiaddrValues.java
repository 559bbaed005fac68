package io.gyre.net;

import io.gyre.identity.PeerId;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Checks a multiaddr component's text value and brings it to its canonical form. */
final class MultiaddrValues {
  private MultiaddrValues() {}

  static String canonical(MultiaddrProtocol protocol, String value) {
    return switch (protocol) {
      case IP4 -> formatIp4(parseIp4(value));
      case IP6 -> formatIp6(parseIp6(value));
      case TCP -> Integer.toString(parsePort(value));
      case DNS, DNS4, DNS6 -> checkName(protocol, value);
      case P2P ->
          PeerId.parse(value)
              .map(PeerId::base58)
              .orElseThrow(
                  () -> new InvalidMultiaddrException("'" + value + "' is not an Ed25519 peer id"));
      case WS, WSS -> {
        if (!value.isEmpty()) {
          throw new InvalidMultiaddrException("/" + protocol.text() + " takes no value");
        }
        yield "";
      }
    };
  }

  static byte[] parseIp4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new InvalidMultiaddrException("'" + text + "' is not an IPv4 address");
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new InvalidMultiaddrException("'" + text + "' is not an IPv4 address");
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new InvalidMultiaddrException("'" + text + "' is not an IPv4 address");
      }
      out[i] = (byte) octet;
    }
    return out;
  }

  static String formatIp4(byte[] bytes) {
    return (bytes[0] & 0xFF)
        + "."
        + (bytes[1] & 0xFF)
        + "."
        + (bytes[2] & 0xFF)
        + "."
        + (bytes[3] & 0xFF);
  }

  static byte[] parseIp6(String text) {
    // InetAddress resolves nothing for a literal with a colon; reject anything else first.
    if (!text.contains(":")
        || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      throw new InvalidMultiaddrException("'" + text + "' is not an IPv6 address");
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      if (address instanceof Inet6Address six) {
        return six.getAddress();
      }
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xFF;
      mapped[11] = (byte) 0xFF;
      System.arraycopy(((Inet4Address) address).getAddress(), 0, mapped, 12, 4);
      return mapped;
    } catch (UnknownHostException e) {
      throw new InvalidMultiaddrException("'" + text + "' is not an IPv6 address");
    }
  }

  /** RFC 5952: lower case, no leading zeros, the longest run (two or more) of zero groups as ::. */
  static String formatIp6(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      throw new InvalidMultiaddrException("'" + text + "' is not a TCP port");
    }
    int port = Integer.parseInt(text);
    if (port > 65535) {
      throw new InvalidMultiaddrException("TCP port " + port + " is above 65535");
    }
    return port;
  }

  private static String checkName(MultiaddrProtocol protocol, String value) {
    if (value.isEmpty() || value.length() > 253 || value.contains("/")) {
      throw new InvalidMultiaddrException(
          "'" + value + "' is not a DNS name for /" + protocol.text());
    }
    return value;
  }
}
