package io.gyre.chat;

import io.gyre.testkit.packages.PackageCycles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DESIGN.md forbids package cycles inside a module (a package and its own internals excepted). */
class PackageCyclesTest {
  @Test
  void mainCodeHasNoPackageCycle() {
    PackageCycles.assertNone(Path.of("src/main/java"));
  }
}
