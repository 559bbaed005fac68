package io.gyre.air.conformance;

import java.util.List;

/** The verdict on one run against one case, and what differed. */
public record Comparison(String caseName, List<String> differences) {

  public Comparison {
    differences = List.copyOf(differences);
  }

  public boolean passed() {
    return differences.isEmpty();
  }

  /**
   * compare.mjs's printout: {@code PASS name}, or {@code FAIL name} and one line per difference.
   */
  public String report() {
    StringBuilder out = new StringBuilder(passed() ? "PASS " : "FAIL ").append(caseName);
    differences.forEach(d -> out.append("\n  ").append(d));
    return out.toString();
  }

  @Override
  public String toString() {
    return report();
  }
}
