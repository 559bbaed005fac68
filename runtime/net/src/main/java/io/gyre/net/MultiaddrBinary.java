package io.gyre.net;

import io.gyre.identity.PeerId;
import io.gyre.net.varint.UnsignedVarint;
import io.gyre.net.varint.VarintException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The multiaddr binary form: for each component, varint(code) then the value's bytes. */
final class MultiaddrBinary {
  /** The identity multihash prefix of an Ed25519 libp2p public key (see {@link PeerId}). */
  private static final int PEER_ID_BYTES = 38;

  private MultiaddrBinary() {}

  static byte[] encode(Multiaddr address) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Multiaddr.Component c : address.components()) {
      out.writeBytes(UnsignedVarint.encode(c.protocol().code()));
      out.writeBytes(valueBytes(c));
    }
    return out.toByteArray();
  }

  private static byte[] valueBytes(Multiaddr.Component c) {
    return switch (c.protocol()) {
      case IP4 -> MultiaddrValues.parseIp4(c.value());
      case IP6 -> MultiaddrValues.parseIp6(c.value());
      case TCP -> {
        int port = Integer.parseInt(c.value());
        yield new byte[] {(byte) (port >> 8), (byte) port};
      }
      case DNS, DNS4, DNS6 -> lengthPrefixed(c.value().getBytes(StandardCharsets.UTF_8));
      case P2P ->
          lengthPrefixed(
              io.gyre.identity.Base58.decode(PeerId.parse(c.value()).orElseThrow().base58()));
      case WS, WSS -> new byte[0];
    };
  }

  private static byte[] lengthPrefixed(byte[] value) {
    byte[] length = UnsignedVarint.encode(value.length);
    byte[] out = new byte[length.length + value.length];
    System.arraycopy(length, 0, out, 0, length.length);
    System.arraycopy(value, 0, out, length.length, value.length);
    return out;
  }

  static Multiaddr decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Multiaddr.Component> components = new ArrayList<>();
    try {
      while (in.hasRemaining()) {
        long code = UnsignedVarint.readFully(in);
        MultiaddrProtocol protocol =
            MultiaddrProtocol.byCode(code)
                .orElseThrow(
                    () -> new InvalidMultiaddrException("unknown multiaddr protocol code " + code));
        components.add(new Multiaddr.Component(protocol, readValue(protocol, in)));
      }
    } catch (VarintException e) {
      throw new InvalidMultiaddrException("binary multiaddr: " + e.getMessage());
    }
    if (components.isEmpty()) {
      throw new InvalidMultiaddrException("binary multiaddr is empty");
    }
    return new Multiaddr(components);
  }

  private static String readValue(MultiaddrProtocol protocol, ByteBuffer in) {
    return switch (protocol) {
      case IP4 -> MultiaddrValues.formatIp4(take(in, 4, protocol));
      case IP6 -> MultiaddrValues.formatIp6(take(in, 16, protocol));
      case TCP -> {
        byte[] port = take(in, 2, protocol);
        yield Integer.toString(((port[0] & 0xFF) << 8) | (port[1] & 0xFF));
      }
      case DNS, DNS4, DNS6 -> new String(takePrefixed(in, protocol), StandardCharsets.UTF_8);
      case P2P -> {
        byte[] multihash = takePrefixed(in, protocol);
        if (multihash.length != PEER_ID_BYTES) {
          throw new InvalidMultiaddrException(
              "/p2p value of " + multihash.length + " bytes is not an Ed25519 peer id");
        }
        yield io.gyre.identity.Base58.encode(multihash);
      }
      case WS, WSS -> "";
    };
  }

  private static byte[] takePrefixed(ByteBuffer in, MultiaddrProtocol protocol) {
    long length = UnsignedVarint.readFully(in);
    if (length > in.remaining()) {
      throw new InvalidMultiaddrException(
          "binary multiaddr ends inside /" + protocol.text() + " (" + length + " bytes announced)");
    }
    return take(in, (int) length, protocol);
  }

  private static byte[] take(ByteBuffer in, int length, MultiaddrProtocol protocol) {
    if (in.remaining() < length) {
      throw new InvalidMultiaddrException("binary multiaddr ends inside /" + protocol.text());
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }
}
