package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.cli.aqua.CompilerOptionsMixin;
import io.gyre.cli.console.CommandStreams;
import io.gyre.client.AquaFunction;
import io.gyre.client.ConnectFailed;
import io.gyre.identity.KeyPair;
import io.gyre.identity.files.IdentityException;
import io.gyre.identity.files.KeySource;
import io.gyre.identity.files.PeerKeys;
import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
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
 * and runs the function through a peer's HTTP API, the peer acting as its init peer; with {@code
 * --via MULTIADDR} it runs as a client of that relay instead, signed with the user's own key
 * ({@code ~/.config/gyre/client.key}, made on first use). Prints the response as JSON; exits 0 when
 * the function responded without errors, 1 otherwise.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compile an Aqua function and run it through a peer; print its response.")
public final class RunCommand implements Callable<Integer> {

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
      names = "--via",
      paramLabel = "MULTIADDR",
      description =
          "Run as a client of this relay (e.g. /ip4/127.0.0.1/tcp/7400/p2p/12D3KooW…) with your own"
              + " key instead of through --peer's HTTP API.")
  Optional<String> via = Optional.empty();

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "Your client key for --via (default: ${DEFAULT-VALUE}; made on first use).")
  Path keyFile = Path.of(System.getProperty("user.home"), ".config", "gyre", "client.key");

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
    if (via.isPresent()) {
      return viaRelay(via.get(), AquaFunction.of(selected.get()), arguments, out, err);
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
    if (answer.has("error")) {
      err.println("gyre run: the peer refused the request: " + answer.get("error").asText());
      return 1;
    }
    return RunReport.fromHttp(answer).print(function, out, err);
  }

  /** The run as a client of the relay at {@code address}, with the user's own key. */
  private int viaRelay(
      String address,
      AquaFunction selected,
      Map<String, JsonNode> arguments,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    Multiaddr relay;
    try {
      relay = Multiaddr.parse(address);
    } catch (InvalidMultiaddrException e) {
      err.println("gyre run: --via: " + e.getMessage());
      return 2;
    }
    KeyPair key;
    try {
      key = PeerKeys.load(new KeySource.DataDirectory(keyFile.toAbsolutePath()));
    } catch (IdentityException e) {
      err.println("gyre run: " + e.getMessage());
      return 1;
    }
    try {
      return ClientRun.run(relay, key, selected, arguments, Duration.ofMillis(ttlMs))
          .print(function, out, err);
    } catch (ConnectFailed e) {
      err.println("gyre run: cannot connect to the relay at " + address + ": " + e.getMessage());
      return 1;
    }
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
