package io.gyre.cli.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gyre node} in its own JVM, as a user runs it, and the banner it printed once up. Its
 * output goes to a file, not a pipe, so its logs never block it while a test talks to the peer.
 */
final class NodeProcess implements AutoCloseable {
  /** A loaded 2-core machine may take long to start a JVM and a peer. */
  private static final long START_SECONDS = 180;

  private final Process process;
  private final List<String> banner;

  private NodeProcess(Process process, List<String> banner) {
    this.process = process;
    this.banner = banner;
  }

  /**
   * Starts {@code gyre node args} and returns once it printed its banner (up to the {@code data}
   * line).
   *
   * @throws AssertionError when it exits or takes too long first, with what it printed
   */
  static NodeProcess start(Path output, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.gyre.cli.GyreCommand");
    command.add("node");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      int up = indexOf(lines, l -> l.startsWith("peer ") && l.endsWith(" up"));
      int data = up < 0 ? -1 : indexOf(lines, l -> l.startsWith("  data "));
      if (data > up) {
        return new NodeProcess(process, List.copyOf(lines.subList(up, data + 1)));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "gyre node exited with " + process.exitValue() + ":\n" + String.join("\n", lines));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly().waitFor();
    throw new AssertionError(
        "gyre node printed no banner within "
            + START_SECONDS
            + " s:\n"
            + Files.readString(output, StandardCharsets.UTF_8));
  }

  private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The banner's lines, from {@code peer … up} to {@code data …}. */
  List<String> banner() {
    return banner;
  }

  /**
   * The values of the banner's lines labelled {@code label} ({@code "clients"}, {@code "http"}).
   */
  List<String> values(String label) {
    String prefix = "  " + label + " ";
    return banner.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .toList();
  }

  /** The peer id of the banner's first line, {@code peer <id> up}. */
  String peerId() {
    String first = banner.get(0);
    return first.substring("peer ".length(), first.length() - " up".length());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }
}
