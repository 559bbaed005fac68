package io.gyre.cli.wasm;

import io.gyre.wasm.ServiceLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The service limits, as command-line flags. */
final class LimitOptions {

  @Option(names = "--fuel", description = "Fuel per call (default ${DEFAULT-VALUE}).")
  long fuel = ServiceLimits.DEFAULT.fuel();

  @Option(
      names = "--memory-pages",
      description = "Most 64 KiB pages a module's memory may grow to (default ${DEFAULT-VALUE}).")
  int memoryPages = ServiceLimits.DEFAULT.memoryPages();

  @Option(names = "--wall-time-ms", description = "Wall time per call (default ${DEFAULT-VALUE}).")
  long wallTimeMs = ServiceLimits.DEFAULT.wallTime().toMillis();

  @Option(
      names = "--stack-depth",
      description = "Most nested wasm calls (default ${DEFAULT-VALUE}).")
  int stackDepth = ServiceLimits.DEFAULT.stackDepth();

  @Option(
      names = "--output-bytes",
      description = "Most bytes of result, and of log (default ${DEFAULT-VALUE}).")
  int outputBytes = ServiceLimits.DEFAULT.outputBytes();

  ServiceLimits limits() {
    return new ServiceLimits(
        fuel, memoryPages, Duration.ofMillis(wallTimeMs), stackDepth, outputBytes);
  }
}
