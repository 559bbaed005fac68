package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.cli.aqua.CompilerOptionsMixin;
import io.gyre.cli.console.CommandStreams;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `gyre run FILE.aqua -f FUNC --args JSON --peer URL`: compiles the file with Gyre's Aqua compiler
 * and runs the function through a peer's HTTP API, the peer acting as its init peer. Prints the
 * response as JSON; exits 0 when the function responded without errors, 1 otherwise.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compile an Aqua function and run it through a peer; print its response.")
public final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Mixin CompilerOptionsMixin compiler;

  @Option(
      names = {"-f", "--func"},
      required = true,
      paramLabel = "NAME",
      description = "The exported function to run.")
  String function;

  @Option(
      names = "--args",
      paramLabel = "JSON",
      description = "Arguments: a JSON object by name or a JSON array in order (default: {}).")
  String args = "{}";

  @Option(
      names = "--peer",
      paramLabel = "URL",
      description = "The peer's HTTP API (default: ${DEFAULT-VALUE}).")
  URI peer = URI.create("http://127.0.0.1:7200");

  @Option(
      names = "--ttl",
      paramLabel = "MS",
      description = "The particle's time to live in milliseconds (default: ${DEFAULT-VALUE}).")
  long ttlMs = 30_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    return CommandStreams.run(spec, this::run);
  }

  private int run(PrintWriter out, PrintWriter err) throws IOException {
    if (ttlMs <= 0 || ttlMs > 0xFFFF_FFFFL) {
      err.println("gyre run: --ttl must be 1..4294967295 ms, not " + ttlMs);
      return 2;
    }
    Optional<List<CompiledModule>> compiled = compiler.compileOrReport(err);
    if (compiled.isEmpty()) {
      return 1;
    }
    List<CompiledModule> modules = compiled.get();
    Optional<CompiledFunction> selected =
        modules.stream().flatMap(m -> m.function(function).stream()).findFirst();
    if (selected.isEmpty()) {
      err.println("gyre run: no exported function '" + function + "'; " + exported(modules));
      return 1;
    }
    Map<String, JsonNode> arguments;
    try {
      arguments = FunctionArguments.bind(selected.get(), args);
    } catch (IllegalArgumentException e) {
      err.println("gyre run: " + e.getMessage());
      return 2;
    }
    JsonNode answer;
    try {
      answer =
          new PeerClient(peer)
              .run(
                  selected.get().air(),
                  arguments,
                  Duration.ofMillis(ttlMs),
                  !selected.get().results().isEmpty());
    } catch (PeerClient.PeerUnreachableException e) {
      err.println("gyre run: " + e.getMessage());
      return 1;
    }
    return report(answer, out, err);
  }

  /** The response on stdout; errors, and why there is no response, on stderr. */
  private int report(JsonNode answer, PrintWriter out, PrintWriter err) throws IOException {
    if (answer.has("error")) {
      err.println("gyre run: the peer refused the request: " + answer.get("error").asText());
      return 1;
    }
    String status = answer.path("status").asText("?");
    JsonNode errors = answer.path("errors");
    if (answer.path("ok").asBoolean(false)) {
      if (!answer.path("response").isNull()) {
        out.println(
            MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer.get("response")));
      }
    } else {
      err.println(
          "gyre run: "
              + function
              + " "
              + status
              + answer.path("message").asText("").transform(m -> m.isEmpty() ? "" : ": " + m));
    }
    for (JsonNode error : errors) {
      err.println("gyre run: error: " + error);
    }
    err.println(
        "particle "
            + answer.path("particle_id").asText()
            + ", "
            + answer.path("elapsed_ms").asLong()
            + " ms");
    return answer.path("ok").asBoolean(false) && errors.isEmpty() ? 0 : 1;
  }

  private static String exported(List<CompiledModule> modules) {
    String names =
        modules.stream()
            .flatMap(m -> m.functions().stream())
            .map(CompiledFunction::name)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "the files export no functions" : "exported: " + names;
  }
}
