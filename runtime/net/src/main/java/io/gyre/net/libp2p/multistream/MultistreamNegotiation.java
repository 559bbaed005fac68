package io.gyre.net.libp2p.multistream;

import io.gyre.net.ProtocolNotSupportedException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One side of a multistream-select 1.0 negotiation, as a pure state machine. The dialer sends the
 * header and its first proposal at once, and the next proposal after each {@code na}; the listener
 * sends the header at once and answers each proposal with the protocol or {@code na}. Feed it the
 * peer's messages one by one; each {@link Step} says what to send and whether a protocol was
 * agreed.
 */
public final class MultistreamNegotiation {
  /** What to send in reply, and the protocol once both sides agree. */
  public record Step(byte[] reply, Optional<String> selected) {}

  private final boolean dialer;
  private final List<String> proposals;
  private final Predicate<String> supported;
  private boolean headerSeen;
  private int proposal;
  private Optional<String> selected = Optional.empty();

  private MultistreamNegotiation(
      boolean dialer, List<String> proposals, Predicate<String> supported) {
    this.dialer = dialer;
    this.proposals = List.copyOf(proposals);
    this.supported = supported;
  }

  /** A dialer proposing {@code protocols} in order of preference. */
  public static MultistreamNegotiation dialer(List<String> protocols) {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("a dialer proposes at least one protocol");
    }
    return new MultistreamNegotiation(true, protocols, p -> false);
  }

  /** A listener accepting the protocols {@code supported} says yes to. */
  public static MultistreamNegotiation listener(Predicate<String> supported) {
    return new MultistreamNegotiation(false, List.of(), supported);
  }

  /** The bytes to send first: the header, and for a dialer its first proposal. */
  public byte[] start() {
    return dialer
        ? MultistreamCodec.encode(MultistreamCodec.PROTOCOL_ID, proposals.get(0))
        : MultistreamCodec.encode(MultistreamCodec.PROTOCOL_ID);
  }

  public Optional<String> selected() {
    return selected;
  }

  /**
   * Takes the peer's next message.
   *
   * @throws MultistreamException on a wrong header or an unexpected answer
   * @throws ProtocolNotSupportedException (dialer) when the remote refused every proposal
   */
  public Step onMessage(String message) {
    if (selected.isPresent()) {
      throw new MultistreamException("multistream: message after the negotiation ended");
    }
    if (!headerSeen) {
      if (!message.equals(MultistreamCodec.PROTOCOL_ID)) {
        throw new MultistreamException(
            "multistream: expected "
                + MultistreamCodec.PROTOCOL_ID
                + ", got '"
                + shorten(message)
                + "'");
      }
      headerSeen = true;
      return new Step(new byte[0], Optional.empty());
    }
    return dialer ? onAnswer(message) : onProposal(message);
  }

  private Step onAnswer(String message) {
    String proposed = proposals.get(proposal);
    if (message.equals(proposed)) {
      selected = Optional.of(proposed);
      return new Step(new byte[0], selected);
    }
    if (!message.equals(MultistreamCodec.NOT_AVAILABLE)) {
      throw new MultistreamException(
          "multistream: proposed " + proposed + ", got '" + shorten(message) + "'");
    }
    proposal++;
    if (proposal == proposals.size()) {
      throw new ProtocolNotSupportedException(
          proposed, "the remote supports none of " + String.join(", ", proposals));
    }
    return new Step(MultistreamCodec.encode(proposals.get(proposal)), Optional.empty());
  }

  private Step onProposal(String message) {
    if (message.equals("ls") || !supported.test(message)) {
      return new Step(MultistreamCodec.encode(MultistreamCodec.NOT_AVAILABLE), Optional.empty());
    }
    selected = Optional.of(message);
    return new Step(MultistreamCodec.encode(message), selected);
  }

  private static String shorten(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}
