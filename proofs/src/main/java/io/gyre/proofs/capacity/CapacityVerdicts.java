package io.gyre.proofs.capacity;

import io.gyre.proofs.Verdict;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of an epoch for one provider's committed units, as a pure function of how many proofs
 * each unit had accepted: a unit below the minimum fails; proofs count up to the maximum; the
 * provider fails when its failed units exceed the allowed ratio.
 */
public final class CapacityVerdicts {

  private CapacityVerdicts() {}

  /** One unit's epoch: its accepted proofs, how many count, and whether it passed. */
  public record UnitResult(
      String unitId, int accepted, int counted, Verdict<CapacityReason> verdict) {}

  /** The provider's epoch: each unit's result, the failed count and the provider's verdict. */
  public record EpochResult(
      Map<String, UnitResult> units, int failedUnits, Verdict<CapacityReason> provider) {
    public EpochResult {
      units = java.util.Collections.unmodifiableMap(new TreeMap<>(units));
    }
  }

  /**
   * @param acceptedProofs accepted proofs per committed unit (every committed unit present, zero
   *     for a unit that proved nothing)
   */
  public static EpochResult judge(CapacityRules rules, Map<String, Integer> acceptedProofs) {
    Map<String, UnitResult> units = new TreeMap<>();
    int failed = 0;
    for (Map.Entry<String, Integer> unit : acceptedProofs.entrySet()) {
      int count = Math.max(0, unit.getValue());
      boolean passed = count >= rules.minProofs();
      if (!passed) {
        failed++;
      }
      Verdict<CapacityReason> verdict =
          passed
              ? Verdict.accept()
              : Verdict.reject(
                  CapacityReason.BELOW_MINIMUM,
                  "unit "
                      + unit.getKey()
                      + " has "
                      + count
                      + " proofs, the minimum is "
                      + rules.minProofs());
      units.put(
          unit.getKey(),
          new UnitResult(unit.getKey(), count, Math.min(count, rules.maxProofs()), verdict));
    }
    int total = units.size();
    boolean providerFails = total > 0 && failed > rules.maxFailedRatio() * total;
    Verdict<CapacityReason> provider =
        providerFails
            ? Verdict.reject(
                CapacityReason.FAILED_RATIO_EXCEEDED,
                failed
                    + " of "
                    + total
                    + " units failed, more than the allowed ratio "
                    + rules.maxFailedRatio())
            : Verdict.accept();
    return new EpochResult(units, failed, provider);
  }
}
