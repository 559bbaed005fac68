package io.gyre.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmDescriptionTest {

  @Test
  void namesTheCollectorFromItsBeans() {
    assertEquals(
        "Java 17.0.15, Shenandoah",
        JvmDescription.describe("17.0.15", List.of("Shenandoah Pauses", "Shenandoah Cycles")));
    assertEquals(
        "Java 17.0.15, ZGC",
        JvmDescription.describe("17.0.15", List.of("ZGC Cycles", "ZGC Pauses")));
    assertEquals(
        "Java 25.0.3, generational ZGC",
        JvmDescription.describe(
            "25.0.3",
            List.of(
                "ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles", "ZGC Major Pauses")));
    assertEquals(
        "Java 17, G1",
        JvmDescription.describe("17", List.of("G1 Young Generation", "G1 Old Generation")));
    assertEquals(
        "Java 17, Parallel", JvmDescription.describe("17", List.of("PS Scavenge", "PS MarkSweep")));
  }

  @Test
  void describesTheRunningJvm() {
    String line = JvmDescription.current();
    assertTrue(line.startsWith("Java " + Runtime.version()), line);
    assertTrue(!line.endsWith("unknown collector"), line);
  }
}
