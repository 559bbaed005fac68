package io.gyre.node.market;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import java.util.Optional;

/**
 * How a deal's service is named on a matched peer: id {@code deal-N-<peer id>} (unique on a node
 * hosting several peers, whose services share one WASM host) and alias {@code deal-N}, the name an
 * Aqua script calls it by on every peer of the deal.
 */
final class DealServiceIds {
  private DealServiceIds() {}

  static String serviceId(DealId deal, PeerId peer) {
    return deal.value() + "-" + peer.base58();
  }

  static String alias(DealId deal) {
    return deal.value();
  }

  /** The deal a service id belongs to, when it is a deal's service. */
  static Optional<DealId> dealOf(String serviceId) {
    if (!serviceId.startsWith("deal-")) {
      return Optional.empty();
    }
    int end = serviceId.indexOf('-', "deal-".length());
    if (end < 0) {
      return Optional.empty();
    }
    String number = serviceId.substring("deal-".length(), end);
    if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(new DealId(serviceId.substring(0, end)));
  }
}
