package io.gyre.cli.market;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gyre market demo`, issue 12's end-to-end story: four real peers, a deal matched and deployed,
 * epochs settled from proofs, a provider killed, slashed and replaced, calls going on.
 */
class MarketDemoCommandTest {
  @TempDir Path dir;

  @Test
  void everyStepHolds() {
    long started = System.nanoTime();
    GyreRun run = gyre("market", "demo", "--data-dir", dir.toString());
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    String printed = run.out();
    assertEquals(0, run.exitCode(), printed + run.err());
    for (int step = 1; step <= MarketDemo.STEPS; step++) {
      assertTrue(printed.contains("[" + step + "/" + MarketDemo.STEPS + "]"), printed);
    }
    // Both matched peers answered before the kill, and the survivor and the replacement after it.
    assertEquals(
        4L,
        Pattern.compile("(?m)^ +provider \\d \\(\\S+\\): Hello, market!$")
            .matcher(printed)
            .results()
            .count(),
        printed);
    assertTrue(
        Pattern.compile("earned 20 for 2 epochs|earned \\d+ for \\d epochs")
            .matcher(printed)
            .find(),
        printed);
    assertTrue(
        Pattern.compile("slashed 10 \\(no proofs\\), replaced by offer-2/0 on provider 3")
            .matcher(printed)
            .find(),
        printed);
    assertTrue(printed.contains("total (nothing created or lost)"), printed);
    assertTrue(printed.contains("every step held"), printed);
    assertTrue(seconds < 120, "the demo took " + seconds + " s");
  }
}
