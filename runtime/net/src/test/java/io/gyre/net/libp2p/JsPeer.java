package io.gyre.net.libp2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real js-libp2p 2.x node ({@code src/test/js/peer.mjs}) in a child process, driven by JSON
 * lines. Its npm packages come from the cache {@code .ci/run} fills ({@code gyre.npm.libp2p},
 * default {@code ~/.cache/gyre/npm-libp2p}); when the cache is missing it is installed with npm
 * (pinned versions from {@code npm-packages.txt}). {@link #close()} stops the process and its
 * children; the node also exits when its stdin closes, so a dead JVM leaves nothing behind.
 */
public final class JsPeer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The module's directory when tests run, the repository root when the benchmark runs. */
  private static final Path SOURCES =
      Files.exists(Path.of("src/test/js/peer.mjs"))
          ? Path.of("src/test/js")
          : Path.of("runtime/net/src/test/js");

  private final Process process;
  private final Path workDir;
  private final OutputStream stdin;
  private final StringBuffer stderr = new StringBuffer();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final JsonNode ready;

  private JsPeer(Process process, Path workDir) throws IOException {
    this.process = process;
    this.workDir = workDir;
    this.stdin = process.getOutputStream();
    CompletableFuture<JsonNode> readyLine = new CompletableFuture<>();
    pump("js-peer-stderr", process.getErrorStream(), line -> stderr.append(line).append('\n'));
    pump(
        "js-peer-stdout",
        process.getInputStream(),
        line -> {
          try {
            JsonNode reply = JSON.readTree(line);
            if (reply.has("ready")) {
              readyLine.complete(reply.get("ready"));
            } else {
              CompletableFuture<JsonNode> waiting = pending.remove(reply.get("id").asInt());
              if (waiting != null) {
                waiting.complete(reply);
              }
            }
          } catch (IOException e) {
            stderr.append("unreadable stdout line: ").append(line).append('\n');
          }
        });
    process
        .onExit()
        .thenRun(() -> readyLine.completeExceptionally(new IllegalStateException("exited")));
    try {
      this.ready = readyLine.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "the js-libp2p node did not start: " + e + "\n" + stderr(), e);
    }
  }

  /** Starts a node listening on {@code listen} (multiaddrs). */
  public static JsPeer start(String... listen) throws IOException {
    Path modules = ensurePackages();
    Path workDir = Files.createTempDirectory("gyre-js-peer");
    for (String file : List.of("polyfill.mjs", "peer.mjs")) {
      Files.copy(SOURCES.resolve(file), workDir.resolve(file));
    }
    Files.createSymbolicLink(workDir.resolve("node_modules"), modules);
    List<String> command =
        new ArrayList<>(List.of("node", "--import", "./polyfill.mjs", "peer.mjs"));
    command.addAll(List.of(listen));
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
    return new JsPeer(process, workDir);
  }

  public JsonNode ready() {
    return ready;
  }

  public String peerId() {
    return ready.get("peerId").asText();
  }

  public List<String> addresses() {
    List<String> out = new ArrayList<>();
    ready.get("addrs").forEach(a -> out.add(a.asText()));
    return out;
  }

  public String address(boolean webSocket) {
    return addresses().stream()
        .filter(a -> a.contains("/ws") == webSocket)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "js node has no " + (webSocket ? "ws" : "tcp") + " address: " + addresses()));
  }

  /** Runs a command; returns its {@code ok} value or fails with the node's error and stderr. */
  public JsonNode call(String command, Map<String, Object> arguments, long timeoutSeconds)
      throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode request = JSON.valueToTree(arguments);
    request.put("id", id).put("cmd", command);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (stdin) {
      stdin.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
    JsonNode answer;
    try {
      answer = reply.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(
          "js command " + command + " got no answer: " + e + "\n" + stderr(), e);
    }
    if (answer.has("error")) {
      throw new AssertionError(
          "js command " + command + " failed: " + answer.get("error").asText() + "\n" + stderr());
    }
    return answer.get("ok");
  }

  public String stderr() {
    return stderr.length() == 0 ? "(js stderr empty)" : "js stderr:\n" + stderr;
  }

  /** Runs {@code check}; a failure carries the node's stderr. */
  public void explain(ThrowingRunnable check) throws Exception {
    try {
      check.run();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + stderr(), e);
    }
  }

  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // the process is gone already
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private static void pump(String name, InputStream in, java.util.function.Consumer<String> lines) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.accept(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The npm cache with js-libp2p, installed with npm when missing. */
  public static synchronized Path ensurePackages() throws IOException {
    Path cache =
        Path.of(
            System.getProperty(
                "gyre.npm.libp2p", System.getProperty("user.home") + "/.cache/gyre/npm-libp2p"));
    Path modules = cache.resolve("node_modules");
    Path list = SOURCES.resolve("npm-packages.txt");
    Path installed = cache.resolve("npm-packages.txt");
    // .ci/run installs the same list the same way and leaves the same stamp
    if (Files.isDirectory(modules)
        && Files.exists(installed)
        && Files.mismatch(list, installed) == -1) {
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
    for (String line : Files.readAllLines(list)) {
      if (!line.isBlank()) {
        command.add(line.trim());
      }
    }
    Files.createDirectories(cache);
    Process npm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install of js-libp2p failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing js-libp2p", e);
    }
    Files.copy(list, installed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return modules;
  }
}
