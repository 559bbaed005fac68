package io.gyre.cli.node;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line naming the JVM and the collector a peer runs on, for its start-up banner: the collector
 * sets the particles' tail latency (bench/RESULTS.md, "Tail latency"), and the {@code gyre}
 * launcher picks it by Java version, so an operator should see which one it got.
 */
final class JvmDescription {

  private JvmDescription() {}

  static String current() {
    return describe(
        Runtime.version().toString(),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.toList()));
  }

  /** "Java 17.0.15, Shenandoah" from the version and the collectors' bean names. */
  static String describe(String version, List<String> collectorBeans) {
    return "Java " + version + ", " + collectorName(collectorBeans);
  }

  private static String collectorName(List<String> beans) {
    String all = String.join(" ", beans);
    if (all.contains("Shenandoah")) {
      return "Shenandoah";
    }
    if (all.contains("ZGC")) {
      return all.contains("Major") || all.contains("Minor") ? "generational ZGC" : "ZGC";
    }
    if (all.contains("G1")) {
      return "G1";
    }
    if (all.contains("PS ") || all.contains("PS MarkSweep")) {
      return "Parallel";
    }
    return beans.isEmpty() ? "unknown collector" : all;
  }
}
