package io.gyre.cli.market;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.gyre.cli.demo.TemporaryDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `gyre market demo`: the marketplace end to end on 4 local peers. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "On 4 local peers (1 developer, 3 providers): offers, a deal with 2 replicas matched and",
      "deployed, its service called from Aqua, two epochs settled from verified proofs, one",
      "provider killed, slashed and replaced, calls going on, the final ledger. Exits 0 only when",
      "every step held."
    })
public final class MarketDemoCommand implements Callable<Integer> {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep the peers' data here (default: a temporary directory, removed after).")
  Optional<Path> dataDir;

  @Option(
      names = "--epoch",
      paramLabel = "SECONDS",
      description = "Epoch length (default: ${DEFAULT-VALUE}).")
  int epochSeconds = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (epochSeconds < 2 || epochSeconds > 60) {
      err.println("gyre market demo: --epoch must be 2..60 seconds, not " + epochSeconds);
      return 2;
    }
    Path dir = dataDir.isPresent() ? dataDir.get() : Files.createTempDirectory("gyre-market-demo");
    quietLogs();
    long started = System.nanoTime();
    try {
      int code = new MarketDemo(out, Duration.ofSeconds(epochSeconds)).run(dir);
      out.println("done in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
      return code;
    } catch (MarketDemo.DemoFailure e) {
      err.println("gyre market demo: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      if (dataDir.isEmpty()) {
        TemporaryDirectory.delete(dir);
      }
    }
  }

  /**
   * A killed peer makes the others log its unreachability and failed asks: expected here, and no
   * part of the demo's result (GYRE_LOG_LEVEL shows them).
   */
  private static void quietLogs() {
    if (System.getenv("GYRE_LOG_LEVEL") == null) {
      for (String name : new String[] {"akka", "io.gyre", "gyre"}) {
        ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR);
      }
    }
  }
}
