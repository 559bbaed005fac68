package io.gyre.proofs.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CapacityVerdictsTest {

  @Property(tries = 300)
  void unitsBelowTheMinimumFailAndTheProviderFailsAboveTheRatio(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 12) Integer> counts,
      @ForAll @IntRange(min = 0, max = 6) int min,
      @ForAll @IntRange(min = 0, max = 6) int extra,
      @ForAll @IntRange(min = 0, max = 100) int ratioPercent) {
    CapacityRules rules = new CapacityRules(min, min + extra, ratioPercent / 100.0);
    Map<String, Integer> accepted = new HashMap<>();
    for (int i = 0; i < counts.size(); i++) {
      accepted.put("unit-" + i, counts.get(i));
    }
    CapacityVerdicts.EpochResult result = CapacityVerdicts.judge(rules, accepted);
    int failed = 0;
    for (Map.Entry<String, Integer> unit : accepted.entrySet()) {
      CapacityVerdicts.UnitResult r = result.units().get(unit.getKey());
      boolean fails = unit.getValue() < min;
      failed += fails ? 1 : 0;
      assertEquals(
          fails ? Optional.of(CapacityReason.BELOW_MINIMUM) : Optional.empty(),
          r.verdict().reason());
      assertEquals(Math.min(unit.getValue(), min + extra), r.counted());
    }
    assertEquals(failed, result.failedUnits());
    boolean providerFails = failed * 100 > ratioPercent * counts.size();
    assertEquals(
        providerFails ? Optional.of(CapacityReason.FAILED_RATIO_EXCEEDED) : Optional.empty(),
        result.provider().reason());
  }

  @Test
  void fluenceStyleExample() {
    // min 2, max 5, at most a quarter of the units may fail: 1 of 4 passes the ratio, 2 of 4 do
    // not.
    CapacityRules rules = new CapacityRules(2, 5, 0.25);
    CapacityVerdicts.EpochResult one =
        CapacityVerdicts.judge(rules, Map.of("a", 9, "b", 2, "c", 1, "d", 3));
    assertEquals(5, one.units().get("a").counted());
    assertEquals(1, one.failedUnits());
    assertEquals(Optional.empty(), one.provider().reason());
    CapacityVerdicts.EpochResult two =
        CapacityVerdicts.judge(rules, Map.of("a", 9, "b", 0, "c", 1, "d", 3));
    assertEquals(Optional.of(CapacityReason.FAILED_RATIO_EXCEEDED), two.provider().reason());
  }
}
