package io.gyre.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.syntax.AirParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Fluence's own Aqua compiler ({@code @fluencelabs/aqua-api}, pinned in {@code
 * real-aqua/npm-packages.txt}) run by {@code node} on a file, so the apps' tests can show their
 * Aqua is Aqua and not only Gyre's dialect of it. The npm packages come from the cache {@code
 * .ci/run} fills ({@code gyre.npm.aqua-api}, default {@code ~/.cache/gyre/npm-aqua-api}); when it
 * is missing or holds another list, they are installed with npm, so a fresh machine with node and
 * npm runs the same check instead of skipping it.
 */
public final class RealAquaCompiler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACKAGES = "real-aqua/npm-packages.txt";
  private static final String SCRIPT = "real-aqua/compile.mjs";

  private RealAquaCompiler() {}

  /**
   * What the real compiler said about a file: its errors and warnings (plain text, each with the
   * file, line and column) and the AIR of each exported function, by name.
   */
  public record Result(List<String> errors, List<String> warnings, Map<String, String> functions) {}

  /**
   * Compiles {@code file} with both compilers and checks they agree: the real one takes it without
   * an error or a warning and exports the functions Gyre's does ({@code functions} of them), in AIR
   * Gyre's parser reads. The real compiler's result, for checks of a file's own.
   */
  public static Result compileAgreeingWithGyre(Path file, int functions) throws Exception {
    Result real = compile(file);
    assertEquals(List.of(), real.errors());
    assertEquals(List.of(), real.warnings());
    Set<String> gyre =
        AquaFunctions.compile(List.of(file), importRoots()).stream()
            .map(AquaFunction::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(functions, gyre.size(), gyre.toString());
    assertEquals(gyre, new TreeSet<>(real.functions().keySet()));
    real.functions()
        .forEach(
            (name, air) ->
                assertDoesNotThrow(() -> AirParser.parse(air), () -> name + ":\n" + air));
    return real;
  }

  /** Compiles {@code file}; imports are looked for in {@link #importRoots()}. */
  public static Result compile(Path file) throws IOException, InterruptedException {
    Path modules = ensurePackages();
    Path script = Files.createTempFile("gyre-real-aqua", ".mjs");
    try {
      Files.write(script, resource(SCRIPT));
      Process node =
          new ProcessBuilder(
                  "node", script.toString(), modules.toString(), file.toAbsolutePath().toString())
              .start();
      CompletableFuture<String> stderr = readAll(node.getErrorStream());
      String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(2, TimeUnit.MINUTES)) {
        node.destroyForcibly();
        throw new IllegalStateException("the real Aqua compiler took over 2 minutes on " + file);
      }
      if (node.exitValue() != 0) {
        throw new IllegalStateException(
            "the real Aqua compiler did not run on "
                + file
                + " (exit "
                + node.exitValue()
                + "):\n"
                + stderr.join()
                + stdout);
      }
      JsonNode answer = JSON.readTree(stdout);
      Map<String, String> functions = new LinkedHashMap<>();
      answer
          .get("functions")
          .fields()
          .forEachRemaining(f -> functions.put(f.getKey(), f.getValue().asText()));
      return new Result(texts(answer.get("errors")), texts(answer.get("warnings")), functions);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * Where both compilers look for imports in these checks: the cache's {@code node_modules}, which
   * holds aqua-lib, so {@code import "@fluencelabs/aqua-lib/builtin.aqua"} means the same to both.
   */
  public static List<Path> importRoots() throws IOException, InterruptedException {
    return List.of(ensurePackages());
  }

  /**
   * A file of the class path as a file on disk (the module's {@code target/classes} when tests
   * run), so the real compiler reads the very file the app ships.
   */
  public static Path classPathFile(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IllegalStateException(name + " is not a file on the class path: " + url);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(url.toString(), e);
    }
  }

  /** The cache's {@code node_modules}, installed with npm first when missing or out of date. */
  static synchronized Path ensurePackages() throws IOException, InterruptedException {
    Path cache =
        Path.of(
            System.getProperty(
                "gyre.npm.aqua-api",
                System.getProperty("user.home") + "/.cache/gyre/npm-aqua-api"));
    Path modules = cache.resolve("node_modules");
    Path installed = cache.resolve("npm-packages.txt");
    byte[] list = resource(PACKAGES);
    Files.createDirectories(cache);
    // Two test JVMs (chat's and the bot's, say) may find the cache missing at once.
    try (FileChannel lockFile =
            FileChannel.open(
                cache.resolve(".install.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      // .ci/run installs the same list the same way and leaves the same stamp
      if (Files.isDirectory(modules)
          && Files.exists(installed)
          && java.util.Arrays.equals(Files.readAllBytes(installed), list)) {
        return modules;
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  "npm",
                  "install",
                  "--no-save",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  cache.toString()));
      for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          command.add(line.trim());
        }
      }
      Process npm = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "npm install of the real Aqua compiler failed: " + command + "\n" + output);
      }
      Files.write(installed, list);
      return modules;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = RealAquaCompiler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
          }
        });
  }
}
