package io.gyre.cli.air;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.spec.RunReport;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecException;
import io.gyre.air.spec.SpecRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gyre air simulate SPEC.json [--seed N] [--trace]}: runs a particle over simulated peers
 * with the oracle's SPEC format and prints run-air's output JSON. Usage errors print {@code
 * {"errors": [...]}} and exit 2, as run-air does.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run an AIR particle over simulated peers with mock services and print what happened.",
      "SPEC is run-air's format (../shared/oracle/README.md): air or air_file, init_peer, peers,"
          + " relay, args, services (mocks), seeds, keys, ttl_ms, timestamp_ms, particle_id,"
          + " max_steps, one_result_per_run, trace."
    })
public final class AirSimulateCommand implements Callable<Integer> {
  static final int USAGE_ERROR = 2;
  static final int SIMULATION_FAILED = 1;
  private static final String USAGE = "usage: gyre air simulate SPEC.json [--seed N] [--trace]";

  @Parameters(
      arity = "0..1",
      paramLabel = "SPEC.json",
      description = "the SPEC file, or - to read it from stdin")
  private String specFile;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "delivery order: 0 (the default) is run-air's FIFO order, another seed shuffles"
              + " which pending delivery goes next")
  private String seed = "0";

  @Option(
      names = "--trace",
      description = "include the per-step trace (also: \"trace\": true in the SPEC)")
  private boolean trace;

  @CommandLine.Spec private CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    if (specFile == null) {
      return errors(out, USAGE_ERROR, USAGE);
    }
    long deliverySeed;
    try {
      deliverySeed = Long.parseLong(seed);
    } catch (NumberFormatException e) {
      return errors(out, USAGE_ERROR, "--seed must be an integer, not '" + seed + "'");
    }
    SimulationSpec spec;
    try {
      spec = readSpec();
    } catch (SpecException e) {
      return errors(out, USAGE_ERROR, e.getMessage());
    }
    ObjectNode report;
    try {
      report = SpecRunner.run(spec, deliverySeed, trace || spec.trace().orElse(false));
    } catch (RuntimeException e) {
      return errors(out, SIMULATION_FAILED, "simulation failed: " + e.getMessage());
    }
    out.print(RunReport.print(report));
    out.flush();
    return 0;
  }

  private SimulationSpec readSpec() throws SpecException {
    if (specFile.equals("-")) {
      try {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return SimulationSpec.parse(text, Path.of("").toAbsolutePath());
      } catch (IOException e) {
        throw new SpecException("cannot read the SPEC from stdin: " + e.getMessage());
      }
    }
    return SimulationSpec.read(Path.of(specFile));
  }

  private static int errors(PrintWriter out, int exitCode, String... messages) {
    ObjectNode errors = JsonNodeFactory.instance.objectNode();
    ArrayNode list = errors.putArray("errors");
    for (String m : messages) {
      list.add(m);
    }
    out.print(JsJson.stringify(errors, 2) + "\n");
    out.flush();
    return exitCode;
  }
}
