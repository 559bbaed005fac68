package io.gyre.node.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link PeerProcessMain} JVM started by a test: its ports, its log, kill and stop. */
public final class PeerProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Process process;
  private final Path log;
  private final CompletableFuture<int[]> ready = new CompletableFuture<>();

  private PeerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts a peer JVM hosting {@code seedNames}, joining {@code join} (host:port). */
  public static PeerProcess start(
      String name, Path dataDir, List<String> seedNames, String join, Path cases)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(PeerProcessMain.class.getName());
    command.addAll(
        List.of(dataDir.toString(), String.join(",", seedNames), join, cases.toString()));
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("process.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    PeerProcess peer = new PeerProcess(name, process, log);
    Thread pump = new Thread(peer::pumpOutput, "output-" + name);
    pump.setDaemon(true);
    pump.start();
    return peer;
  }

  private void pumpOutput() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          ready.complete(
              new int[] {
                Integer.parseInt(parts[1].substring("http=".length())),
                Integer.parseInt(parts[2].substring("cluster=".length()))
              });
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IOException(name + " exited before it was ready; see " + log));
  }

  /** Waits until the node runs; returns its HTTP port. */
  public int awaitReady(long timeoutSeconds) throws Exception {
    return ready.get(timeoutSeconds, TimeUnit.SECONDS)[0];
  }

  public int httpPort() {
    return ready.join()[0];
  }

  /** The node's trace of a particle, over its HTTP API. */
  public Optional<JsonNode> trace(String particleId) {
    if (!process.isAlive() || !ready.isDone() || ready.isCompletedExceptionally()) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + httpPort() + "/particles/" + particleId))
                  // A trace is the operator's: the token the process made in its data directory.
                  .header(
                      "Authorization",
                      "Bearer "
                          + io.gyre.node.access.OperatorToken.readFrom(log.getParent()).orElse(""))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? Optional.of(JSON.readTree(response.body()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Kills the JVM at once (SIGKILL): no leaving, no draining. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops it gracefully (SIGTERM: coordinated shutdown). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
