package io.gyre.net.libp2p.identify;

import io.gyre.identity.PeerId;
import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import io.gyre.net.libp2p.protobuf.ProtoReader;
import io.gyre.net.libp2p.protobuf.ProtoWriter;
import io.gyre.net.libp2p.protobuf.ProtobufException;
import io.gyre.net.libp2p.protobuf.PublicKeyMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify message ({@code /ipfs/id/1.0.0}): {@code publicKey = 1, listenAddrs = 2 (binary
 * multiaddrs), protocols = 3, observedAddr = 4, protocolVersion = 5, agentVersion = 6}. A peer's
 * listen address in a form Gyre does not speak (QUIC, circuit relay, …) is skipped when decoding;
 * the signed peer record (8) is not used.
 */
public record IdentifyMessage(
    PeerId peer,
    String protocolVersion,
    String agentVersion,
    List<Multiaddr> listenAddresses,
    List<String> protocols,
    Optional<Multiaddr> observedAddress) {

  public IdentifyMessage {
    listenAddresses = List.copyOf(listenAddresses);
    protocols = List.copyOf(protocols);
  }

  public byte[] encode() {
    ProtoWriter out = new ProtoWriter().bytes(1, PublicKeyMessage.encode(peer));
    listenAddresses.forEach(a -> out.bytes(2, a.withoutPeerId().toBytes()));
    protocols.forEach(p -> out.string(3, p));
    observedAddress.ifPresent(a -> out.bytes(4, a.toBytes()));
    out.string(5, protocolVersion);
    out.string(6, agentVersion);
    return out.toByteArray();
  }

  /**
   * @throws ProtobufException when the message is malformed or has no Ed25519 public key
   */
  public static IdentifyMessage decode(byte[] bytes) {
    ProtoReader in = new ProtoReader(bytes);
    PeerId peer = null;
    String protocolVersion = "";
    String agentVersion = "";
    List<Multiaddr> listen = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    Optional<Multiaddr> observed = Optional.empty();
    while (in.next()) {
      switch (in.field()) {
        case 1 -> peer = PublicKeyMessage.decode(in.bytes());
        case 2 -> readAddress(in.bytes()).ifPresent(listen::add);
        case 3 -> protocols.add(in.string());
        case 4 -> observed = readAddress(in.bytes());
        case 5 -> protocolVersion = in.string();
        case 6 -> agentVersion = in.string();
        default -> in.skip();
      }
    }
    if (peer == null) {
      throw new ProtobufException("identify message has no public key");
    }
    return new IdentifyMessage(peer, protocolVersion, agentVersion, listen, protocols, observed);
  }

  private static Optional<Multiaddr> readAddress(byte[] bytes) {
    try {
      return Optional.of(Multiaddr.fromBytes(bytes));
    } catch (InvalidMultiaddrException e) {
      return Optional.empty();
    }
  }
}
