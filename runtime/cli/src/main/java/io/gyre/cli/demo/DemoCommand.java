package io.gyre.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `gyre demo`: the whole stack on one machine. Starts three peers (an Akka cluster on loopback,
 * each with its H2 journal), compiles demo.aqua with Gyre's compiler, deploys the greeting WASM
 * service on every peer through the dist/srv builtins, then calls the three services in {@code par}
 * and joins their answers. Exits 0 only when every peer answered.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start 3 local peers, deploy a WASM service on each, call them in par and join the answers.",
      "Everything runs in this process on the embedded defaults (H2 files, loopback)."
    })
public final class DemoCommand implements Callable<Integer> {
  static final int PEERS = 3;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep the peers' data here (default: a temporary directory, removed after).")
  Optional<Path> dataDir;

  @Option(names = "--name", description = "Who the services greet (default: ${DEFAULT-VALUE}).")
  String name = "Gyre";

  @Option(
      names = "--stay",
      description =
          "Keep the peers running after the demo (Ctrl-C stops them) and print how to open their"
              + " playground and join the chat on them.")
  boolean stay;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = dataDir.isPresent() ? dataDir.get() : Files.createTempDirectory("gyre-demo");
    quietShutdown();
    try {
      return new Demo(out).run(dir);
    } catch (DemoFailure e) {
      err.println("gyre demo: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      if (dataDir.isEmpty()) {
        TemporaryDirectory.delete(dir);
      }
    }
  }

  /** One run of the demo, printing each step as it goes. */
  private final class Demo {
    private final PrintWriter out;

    Demo(PrintWriter out) {
      this.out = out;
    }

    int run(Path dir) throws DemoFailure {
      Map<String, CompiledFunction> functions = compile();
      say("[1/4] compiled demo.aqua: " + String.join(", ", functions.keySet()));
      say("[2/4] starting " + PEERS + " peers in " + dir);
      try (LocalNetwork network = startNetwork(dir)) {
        GyreNode client = network.nodes().get(0);
        List<String> peers = network.nodes().stream().map(n -> n.peerId().base58()).toList();
        byte[] wasm = resource("/wasm/greeting.wasm");
        say("[3/4] deploying greeting.wasm (" + wasm.length + " bytes) on each peer");
        for (int i = 0; i < peers.size(); i++) {
          Map<String, JsonNode> args = new LinkedHashMap<>();
          args.put("peer", new TextNode(peers.get(i)));
          args.put("wasm", new TextNode(Base64.getEncoder().encodeToString(wasm)));
          args.put("name", new TextNode("greeting"));
          JsonNode serviceId = call(client, functions.get("deploy"), args);
          say(
              "      peer "
                  + (i + 1)
                  + "/"
                  + peers.size()
                  + " "
                  + peers.get(i)
                  + ": service "
                  + serviceId.asText());
        }
        say("[4/4] greetAll: greeting.greet on the " + PEERS + " peers in par, answers joined");
        Map<String, JsonNode> args = new LinkedHashMap<>();
        for (int i = 0; i < PEERS; i++) {
          args.put(String.valueOf((char) ('a' + i)), new TextNode(peers.get(i)));
        }
        args.put("name", new TextNode(name));
        JsonNode answers = call(client, functions.get("greetAll"), args);
        TreeSet<String> answered = new TreeSet<>();
        for (JsonNode answer : answers) {
          answered.add(answer.path("peer").asText());
          say("      " + answer.path("peer").asText() + ": " + answer.path("text").asText());
        }
        if (!answered.equals(new TreeSet<>(peers))) {
          throw new DemoFailure("expected an answer from each of " + peers + ", got " + answers);
        }
        if (stay) {
          say("all " + PEERS + " peers answered; they stay up until Ctrl-C");
          new NextSteps(out).forRunning(network.nodes());
          network.nodes().get(0).whenTerminated().toCompletableFuture().join();
        } else {
          say("all " + PEERS + " peers answered; stopping them");
          new NextSteps(out).forStopped();
        }
      }
      return 0;
    }

    private LocalNetwork startNetwork(Path dir) throws DemoFailure {
      try {
        return LocalNetwork.start(
            dir,
            PEERS,
            Map.of(),
            STEP_TIMEOUT,
            node ->
                say(
                    "      peer "
                        + node.peerId()
                        + " up (cluster port "
                        + node.clusterPort()
                        + node.httpAddress().map(a -> ", http port " + a.getPort()).orElse("")
                        + ")"));
      } catch (IllegalStateException e) {
        throw new DemoFailure(e.getMessage());
      }
    }

    private JsonNode call(GyreNode node, CompiledFunction function, Map<String, JsonNode> args)
        throws DemoFailure {
      RunResult result =
          node.run(RunRequest.of(function.air(), args))
              .toCompletableFuture()
              .orTimeout(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
              .join();
      if (!result.ok() || !result.errors().isEmpty() || result.response().isEmpty()) {
        throw new DemoFailure(
            function.name()
                + " "
                + result.status().name().toLowerCase(Locale.ROOT)
                + result.message().map(m -> ": " + m).orElse("")
                + (result.errors().isEmpty() ? "" : " " + result.errors()));
      }
      return result.response().get();
    }

    private void say(String line) {
      out.println(line);
      out.flush();
    }
  }

  /**
   * The three peers stop together, so Artery reports each other's closed connections as warnings;
   * they say nothing about the demo's result.
   */
  private static void quietShutdown() {
    if (System.getenv("GYRE_LOG_LEVEL") == null) {
      ((Logger) LoggerFactory.getLogger("akka.stream.Materializer")).setLevel(Level.ERROR);
    }
  }

  private static Map<String, CompiledFunction> compile() throws DemoFailure {
    String source = new String(resource("/io/gyre/cli/demo/demo.aqua"), StandardCharsets.UTF_8);
    AquaCompiler compiler = new AquaCompiler(new CompileOptions(List.of(), Map.of()));
    List<CompiledModule> modules;
    try {
      modules =
          compiler.compile(List.of(new SourceFile(Path.of("demo.aqua"), "demo.aqua", source)));
    } catch (CompileException e) {
      throw new DemoFailure("demo.aqua does not compile: " + e.getMessage());
    }
    Map<String, CompiledFunction> functions = new LinkedHashMap<>();
    for (CompiledModule module : modules) {
      module.functions().forEach(f -> functions.put(f.name(), f));
    }
    return functions;
  }

  /** A resource of the CLI jar: demo.aqua, and greeting.wasm from examples/. */
  private static byte[] resource(String path) throws DemoFailure {
    try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new DemoFailure(path + " is not on the classpath (a build of runtime/cli has it)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A step of the demo did not do what it should; the message says which and why. */
  static final class DemoFailure extends Exception {
    DemoFailure(String message) {
      super(message);
    }
  }
}
