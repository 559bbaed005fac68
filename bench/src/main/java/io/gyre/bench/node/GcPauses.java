package io.gyre.bench.node;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Stop-the-world GC time so far. ZGC reports its cycles (concurrent, not pauses) and its pauses as
 * two collectors; only the pauses stop the particles, so the cycles are left out.
 */
final class GcPauses {
  private GcPauses() {}

  static long totalMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!collector.getName().endsWith("Cycles")) {
        total += Math.max(0, collector.getCollectionTime());
      }
    }
    return total;
  }
}
