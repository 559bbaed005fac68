package io.gyre.marketplace.internal;

import static io.gyre.marketplace.MarketError.Code.INVALID_AMOUNT;
import static io.gyre.marketplace.MarketError.Code.INVALID_REQUEST;

import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketSettings;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.ledger.Amounts;
import java.util.Optional;

/** Whether a deal request makes sense before anything is looked up. */
final class DealSpecCheck {
  private final MarketSettings settings;

  DealSpecCheck(MarketSettings settings) {
    this.settings = settings;
  }

  Optional<MarketError> problem(DealSpec spec) {
    if (spec.blueprint().isBlank()) {
      return invalid("a deal names the blueprint of its services");
    }
    if (spec.targetUnits() < 1 || spec.targetUnits() > settings.maxTargetUnits()) {
      return invalid(
          "a deal targets 1 to " + settings.maxTargetUnits() + " units, not " + spec.targetUnits());
    }
    if (spec.minUnits() < 1 || spec.minUnits() > spec.targetUnits()) {
      return invalid(
          "a deal's minimum of units is 1 to its target "
              + spec.targetUnits()
              + ", not "
              + spec.minUnits());
    }
    if (spec.durationEpochs() < 1 || spec.durationEpochs() > settings.maxDurationEpochs()) {
      return invalid(
          "a deal lasts 1 to "
              + settings.maxDurationEpochs()
              + " epochs, not "
              + spec.durationEpochs());
    }
    Optional<String> amount =
        Amounts.problem("the max price per unit", spec.maxPricePerUnit())
            .or(() -> Amounts.problem("the deposit", spec.deposit()));
    if (amount.isPresent()) {
      return Optional.of(new MarketError(INVALID_AMOUNT, amount.get()));
    }
    Optional<Long> required = Amounts.multiply(2L * spec.targetUnits(), spec.maxPricePerUnit());
    if (required.isEmpty() || required.get() > Amounts.MAX) {
      return Optional.of(
          new MarketError(
              INVALID_AMOUNT,
              "2 × "
                  + spec.targetUnits()
                  + " units × "
                  + spec.maxPricePerUnit()
                  + " overflows the limit of "
                  + Amounts.MAX));
    }
    if (spec.hostFunctions().stream().anyMatch(String::isBlank)) {
      return invalid("a host function name is blank");
    }
    return Optional.empty();
  }

  private static Optional<MarketError> invalid(String message) {
    return Optional.of(new MarketError(INVALID_REQUEST, message));
  }
}
