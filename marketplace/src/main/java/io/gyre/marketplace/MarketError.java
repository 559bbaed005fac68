package io.gyre.marketplace;

/** Why the marketplace refused a request; nothing changed. */
public record MarketError(Code code, String message) {
  public enum Code {
    /** An amount that is negative, zero, above the limit, or overflows. */
    INVALID_AMOUNT,
    /** A request whose other fields make no sense (no units, minimum above target, …). */
    INVALID_REQUEST,
    UNKNOWN_OFFER,
    UNKNOWN_DEAL,
    UNKNOWN_UNIT,
    /** The acting peer may not do this (not the owner, not the deal's provider, …). */
    NOT_AUTHORIZED,
    /** An account holds less than the request moves. */
    INSUFFICIENT_FUNDS,
    /** The same proof or commitment again. */
    DUPLICATE,
    /** Not possible in the deal's, offer's or epoch's current state. */
    WRONG_STATE,
    /** A proof or signature that does not check out. */
    PROOF_REJECTED
  }

  /** Reads back {@link #toString()}'s form, {@code CODE: message} (how errors cross the wire). */
  public static MarketError parse(String text) {
    int colon = text.indexOf(": ");
    if (colon > 0) {
      try {
        return new MarketError(Code.valueOf(text.substring(0, colon)), text.substring(colon + 2));
      } catch (IllegalArgumentException notACode) {
        // falls through: not one of ours
      }
    }
    return new MarketError(Code.WRONG_STATE, text);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
