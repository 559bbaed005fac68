package io.gyre.net;

import io.gyre.identity.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A multiaddr: a list of protocol components such as {@code /ip4/127.0.0.1/tcp/7400/ws/p2p/12D3…}.
 * Parse the text form with {@link #parse}, read the binary form (identify, as the multiaddr spec
 * lays it out) with {@link #fromBytes}; {@link #toString} and {@link #toBytes} write them back.
 * Supported: {@code /ip4 /ip6 /dns /dns4 /dns6 /tcp /ws /wss /p2p}.
 */
public record Multiaddr(List<Component> components) {

  /** One protocol with its value ({@code ""} for protocols without one, such as {@code ws}). */
  public record Component(MultiaddrProtocol protocol, String value) {
    public Component {
      value = MultiaddrValues.canonical(protocol, value);
    }

    @Override
    public String toString() {
      return protocol.hasValue() ? "/" + protocol.text() + "/" + value : "/" + protocol.text();
    }
  }

  public Multiaddr {
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new InvalidMultiaddrException("a multiaddr has at least one component");
    }
  }

  /** Parses the text form; the exception's message says which part is wrong. */
  public static Multiaddr parse(String text) {
    if (!text.startsWith("/")) {
      throw new InvalidMultiaddrException("multiaddr '" + text + "' does not start with '/'");
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Component> components = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      String name = parts[i];
      if (name.isEmpty() && i == parts.length - 1 && i > 0) {
        break; // a trailing slash
      }
      MultiaddrProtocol protocol =
          MultiaddrProtocol.byName(name)
              .orElseThrow(
                  () ->
                      new InvalidMultiaddrException(
                          "multiaddr '" + text + "': unknown protocol '" + name + "'"));
      i++;
      String value = "";
      if (protocol.hasValue()) {
        if (i >= parts.length || parts[i].isEmpty()) {
          throw new InvalidMultiaddrException(
              "multiaddr '" + text + "': /" + protocol.text() + " needs a value");
        }
        value = parts[i++];
      }
      try {
        components.add(new Component(protocol, value));
      } catch (InvalidMultiaddrException e) {
        throw new InvalidMultiaddrException("multiaddr '" + text + "': " + e.getMessage());
      }
    }
    return new Multiaddr(components);
  }

  /** Reads the binary form. */
  public static Multiaddr fromBytes(byte[] bytes) {
    return MultiaddrBinary.decode(bytes);
  }

  public byte[] toBytes() {
    return MultiaddrBinary.encode(this);
  }

  /** The peer id of the last {@code /p2p} component, if any. */
  public Optional<PeerId> peerId() {
    for (int i = components.size() - 1; i >= 0; i--) {
      Component c = components.get(i);
      if (c.protocol() == MultiaddrProtocol.P2P) {
        return PeerId.parse(c.value());
      }
    }
    return Optional.empty();
  }

  /** This address without its trailing {@code /p2p/…}. */
  public Multiaddr withoutPeerId() {
    int end = components.size();
    while (end > 1 && components.get(end - 1).protocol() == MultiaddrProtocol.P2P) {
      end--;
    }
    return new Multiaddr(components.subList(0, end));
  }

  /** This address ending in {@code /p2p/<peerId>} (replacing any peer id it had). */
  public Multiaddr withPeerId(PeerId peerId) {
    List<Component> out = new ArrayList<>(withoutPeerId().components);
    out.add(new Component(MultiaddrProtocol.P2P, peerId.base58()));
    return new Multiaddr(out);
  }

  /** The first component of {@code protocol}, if present. */
  public Optional<Component> first(MultiaddrProtocol protocol) {
    return components.stream().filter(c -> c.protocol() == protocol).findFirst();
  }

  public boolean has(MultiaddrProtocol protocol) {
    return first(protocol).isPresent();
  }

  @Override
  public String toString() {
    return components.stream().map(Component::toString).collect(Collectors.joining());
  }
}
