package io.gyre.net;

import java.util.Arrays;
import java.util.Optional;

/**
 * The multiaddr protocols Gyre's wire speaks, with their codes from the multiaddr table
 * (multiformats/multiaddr {@code protocols.csv}). {@code size} is the value's width in bits; -1
 * marks a varint-length-prefixed value, 0 a protocol without a value.
 */
public enum MultiaddrProtocol {
  IP4(4, 32, "ip4"),
  TCP(6, 16, "tcp"),
  IP6(41, 128, "ip6"),
  DNS(53, -1, "dns"),
  DNS4(54, -1, "dns4"),
  DNS6(55, -1, "dns6"),
  P2P(421, -1, "p2p"),
  WS(477, 0, "ws"),
  WSS(478, 0, "wss");

  private final int code;
  private final int size;
  private final String text;

  MultiaddrProtocol(int code, int size, String text) {
    this.code = code;
    this.size = size;
    this.text = text;
  }

  public int code() {
    return code;
  }

  /** Width in bits; -1 for a length-prefixed value, 0 for none. */
  public int size() {
    return size;
  }

  public String text() {
    return text;
  }

  public boolean hasValue() {
    return size != 0;
  }

  public boolean isHost() {
    return this == IP4 || this == IP6 || this == DNS || this == DNS4 || this == DNS6;
  }

  /** The protocol named {@code name} in text form ({@code ipfs} is the old name of {@code p2p}). */
  public static Optional<MultiaddrProtocol> byName(String name) {
    if (name.equals("ipfs")) {
      return Optional.of(P2P);
    }
    return Arrays.stream(values()).filter(p -> p.text.equals(name)).findFirst();
  }

  public static Optional<MultiaddrProtocol> byCode(long code) {
    return Arrays.stream(values()).filter(p -> p.code == code).findFirst();
  }
}
