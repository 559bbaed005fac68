package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.cli.aqua.CompilerOptionsMixin;
import io.gyre.cli.console.CommandStreams;
import io.gyre.cli.peer.PeerClient;
import io.gyre.cli.peer.PeerOptions;
import io.gyre.client.ConnectFailed;
import io.gyre.identity.KeyPair;
import io.gyre.identity.files.IdentityException;
import io.gyre.identity.files.KeySource;
import io.gyre.identity.files.PeerKeys;
import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `gyre run FILE.aqua -f FUNC --args JSON --peer URL`: compiles the file with Gyre's Aqua compiler
 * and runs the function through a peer's HTTP API, the peer acting as its init peer (with {@code
 * --via MULTIADDR}: as a client of that relay, signed with the user's own key). It always waits for
 * the particle's outcome: prints the response as JSON and exits 0, or names what failed (the call's
 * service, function, peer and message; the peer that could not be reached) and exits 1.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compile an Aqua function and run it through a peer; print its response.")
public final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern CALLED = Pattern.compile("\\(\"([^\"]*)\" \"([^\"]*)\"\\)");

  @Mixin CompilerOptionsMixin compiler;

  @Mixin PeerOptions peerOptions;

  @Option(
      names = {"-f", "--func"},
      required = true,
      paramLabel = "NAME",
      description = "The exported function to run.")
  String function;

  @Option(
      names = "--args",
      paramLabel = "JSON",
      description =
          "Arguments: a JSON object by name or a JSON array in order, or @FILE for the JSON in a"
              + " file (default: {}).")
  String args = "{}";

  @Option(
      names = "--ttl",
      paramLabel = "MS",
      description = "The particle's time to live in milliseconds (default: ${DEFAULT-VALUE}).")
  long ttlMs = 30_000;

  @Option(
      names = "--via",
      paramLabel = "MULTIADDR",
      description =
          "Run as a client of this relay (e.g. /ip4/127.0.0.1/tcp/7400/p2p/12D3KooW…) with your own"
              + " key instead of through the peer's HTTP API.")
  Optional<String> via = Optional.empty();

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "Your client key for --via (default: ${DEFAULT-VALUE}; made on first use).")
  Path keyFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public RunCommand() {
    this(Path.of(System.getProperty("user.home")));
  }

  /** With {@code home} as the user's home directory, where the default key is kept (tests). */
  RunCommand(Path home) {
    keyFile = home.resolve(".config").resolve("gyre").resolve("client.key");
  }

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
    boolean noResults = selected.get().results().isEmpty();
    if (via.isPresent()) {
      Multiaddr relay;
      try {
        relay = Multiaddr.parse(via.get());
      } catch (InvalidMultiaddrException e) {
        err.println("gyre run: --via: " + e.getMessage());
        return 2;
      }
      Optional<JsonNode> answer = viaRelay(relay, awaitable(selected.get()), arguments, err);
      return answer.isEmpty() ? 1 : report(answer.get(), noResults, out, err);
    }
    PeerClient.Answer answer =
        peerOptions.client().run(awaitable(selected.get()), arguments, Duration.ofMillis(ttlMs));
    return report(answer.body(), noResults, out, err);
  }

  /**
   * The run as a client of the relay at {@code address}, signed with the user's own key: its
   * outcome in the HTTP API's answer shape, or empty (the reason printed) when it could not start.
   */
  private Optional<JsonNode> viaRelay(
      Multiaddr relay, String air, Map<String, JsonNode> arguments, PrintWriter err) {
    KeyPair key;
    try {
      key = PeerKeys.load(new KeySource.DataDirectory(keyFile.toAbsolutePath()));
    } catch (IdentityException e) {
      err.println("gyre run: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(ClientRun.run(relay, key, air, arguments, Duration.ofMillis(ttlMs)));
    } catch (ConnectFailed e) {
      err.println("gyre run: cannot connect to the relay at " + relay + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The function's AIR; one without results gets a last call that tells the init peer it ended, so
   * the run waits for its outcome (and its errors) rather than ending when it was sent.
   */
  static String awaitable(CompiledFunction function) {
    if (!function.results().isEmpty()) {
      return function.air();
    }
    return "(seq\n"
        + function.air()
        + " (call %init_peer_id% (\"callbackSrv\" \"response\") [])\n)\n";
  }

  /** The response on stdout; errors, and why there is no response, on stderr. */
  private int report(JsonNode answer, boolean noResults, PrintWriter out, PrintWriter err)
      throws IOException {
    if (answer.has("error")) {
      err.println("gyre run: the peer refused the request: " + answer.get("error").asText());
      return 1;
    }
    String status = answer.path("status").asText("?");
    JsonNode errors = answer.path("errors");
    if (answer.path("ok").asBoolean(false)) {
      if (!noResults && errors.isEmpty()) {
        out.println(
            MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer.get("response")));
      }
    } else if (errors.isEmpty()) {
      err.println(
          "gyre run: "
              + function
              + " "
              + status
              + answer.path("message").asText("").transform(m -> m.isEmpty() ? "" : ": " + m));
    }
    for (JsonNode error : errors) {
      err.println("gyre run: " + describe(error));
    }
    err.println(
        "particle "
            + answer.path("particle_id").asText()
            + ", "
            + answer.path("elapsed_ms").asLong()
            + " ms");
    return answer.path("ok").asBoolean(false) && errors.isEmpty() ? 0 : 1;
  }

  /** An error the script reported: which call failed, on which peer, and why. */
  static String describe(JsonNode error) {
    String message = error.path("message").asText(error.toString());
    String peer = error.path("peer_id").asText("");
    Matcher call = CALLED.matcher(error.path("instruction").asText(""));
    String what = call.find() ? call.group(1) + "." + call.group(2) : "the script";
    return what + (peer.isEmpty() ? "" : " on peer " + peer) + " failed: " + message;
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
