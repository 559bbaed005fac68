package io.gyre.aqua.lower;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Unique AIR variable names for one compiled function: the first request for a name gets it as is,
 * later ones {@code name-0}, {@code name-1}, ... (as Fluence's compiler names them).
 */
final class NameGen {
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> next = new HashMap<>();

  String fresh(String base) {
    if (taken.add(base)) {
      return base;
    }
    return suffixed(base);
  }

  /** Always suffixed: {@code base-0}, {@code base-1}, ... */
  String suffixed(String base) {
    while (true) {
      int n = next.merge(base, 1, Integer::sum) - 1;
      String name = base + "-" + n;
      if (taken.add(name)) {
        return name;
      }
    }
  }

  void reserve(String name) {
    taken.add(name);
  }
}
