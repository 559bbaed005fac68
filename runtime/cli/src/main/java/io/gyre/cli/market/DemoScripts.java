package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import io.gyre.node.GyreNode;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's Aqua: market-demo.aqua imports Gyre's own market.aqua (the declarations of the builtin
 * {@code market}, shipped in gyre-node), compiled with Gyre's compiler; each function is run with
 * one of the demo's peers as its init peer, the peer that acts.
 */
final class DemoScripts {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, CompiledFunction> functions;

  private DemoScripts(Map<String, CompiledFunction> functions) {
    this.functions = functions;
  }

  /** Writes both files under {@code dir} (so the import resolves) and compiles the demo's. */
  static DemoScripts compile(Path dir) throws MarketDemo.DemoFailure {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("market.aqua"), resource("/io/gyre/node/market/market.aqua"));
      Path demo = dir.resolve("market-demo.aqua");
      byte[] source = resource("/io/gyre/cli/market/market-demo.aqua");
      Files.write(demo, source);
      List<CompiledModule> modules =
          new AquaCompiler(new CompileOptions(List.of(dir), Map.of()))
              .compile(
                  List.of(
                      new SourceFile(
                          demo, "market-demo.aqua", new String(source, StandardCharsets.UTF_8))));
      Map<String, CompiledFunction> functions = new LinkedHashMap<>();
      for (CompiledModule module : modules) {
        module.functions().forEach(f -> functions.put(f.name(), f));
      }
      return new DemoScripts(functions);
    } catch (CompileException e) {
      throw new MarketDemo.DemoFailure("market-demo.aqua does not compile: " + e.getMessage());
    } catch (IOException e) {
      throw new MarketDemo.DemoFailure("cannot write the demo's Aqua under " + dir + ": " + e);
    }
  }

  List<String> names() {
    return List.copyOf(functions.keySet());
  }

  /** Runs {@code function} as {@code node}'s own peer; its response. */
  JsonNode call(GyreNode node, String function, Map<String, JsonNode> args)
      throws MarketDemo.DemoFailure {
    RunResult result =
        node.run(
                new RunRequest(
                    functions.get(function).air(),
                    args,
                    Duration.ofSeconds(30),
                    Optional.empty(),
                    Optional.empty()))
            .toCompletableFuture()
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
    if (!result.ok() || !result.errors().isEmpty() || result.response().isEmpty()) {
      throw new MarketDemo.DemoFailure(
          function
              + " "
              + result.status().name().toLowerCase(Locale.ROOT)
              + result.message().map(m -> ": " + m).orElse("")
              + (result.errors().isEmpty() ? "" : " " + result.errors()));
    }
    return result.response().get();
  }

  static byte[] resource(String path) throws MarketDemo.DemoFailure {
    try (InputStream in = DemoScripts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new MarketDemo.DemoFailure(path + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new MarketDemo.DemoFailure("cannot read " + path + ": " + e.getMessage());
    }
  }
}
