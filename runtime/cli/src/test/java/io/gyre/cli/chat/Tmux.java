package io.gyre.cli.chat;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server (its own socket) whose windows run programs as a person would in a
 * terminal: a test types into them ({@code send-keys}) and reads their screens ({@code
 * capture-pane}). Closing it kills the server and what runs in it.
 */
final class Tmux implements AutoCloseable {
  private final String socket = "gyre-chat-test-" + ProcessHandle.current().pid();
  private final Path dir;

  private Tmux(Path dir) {
    this.dir = dir;
  }

  /** Fails the test, saying what to install, when tmux is not on the PATH. */
  static Tmux start(Path dir) {
    try {
      Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
        fail("tmux -V did not answer; this test drives `gyre chat` in tmux");
      }
    } catch (IOException e) {
      fail(
          "tmux is missing: this test drives `gyre chat` in a terminal through tmux; install it"
              + " (apt-get install tmux, as .ci/run does)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return new Tmux(dir);
  }

  /**
   * Runs {@code command} in a new session named {@code name} (160x50), its stderr in {@code
   * NAME.stderr}; when it exits, the window stays, showing its exit code.
   */
  void launch(String name, List<String> command) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("#!/usr/bin/env bash\n");
    for (String word : command) {
      script.append(quote(word)).append(' ');
    }
    script.append("2>").append(quote(stderr(name).toString())).append('\n');
    script.append("echo \"[gyre chat exited $?]\"\nsleep 600\n");
    Path file = Files.writeString(dir.resolve("launch-" + name + ".sh"), script);
    tmux(
        "new-session", "-d", "-s", name, "-x", "160", "-y", "50", "bash " + quote(file.toString()));
  }

  /** Types {@code text} into {@code name}'s window and presses Enter. */
  void typeLine(String name, String text) throws IOException, InterruptedException {
    tmux("send-keys", "-t", name, "-l", text);
    tmux("send-keys", "-t", name, "Enter");
  }

  /** What {@code name}'s window shows, with its scroll-back, wrapped lines joined. */
  String screen(String name) throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-t", name, "-S", "-500");
  }

  /** Waits until {@code name}'s screen shows {@code text}; fails with the screen if it does not. */
  String awaitScreen(String name, String text, int seconds)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String screen = screen(name);
    while (!screen.contains(text)) {
      if (System.nanoTime() > deadline) {
        fail(
            name
                + "'s screen did not show '"
                + text
                + "' within "
                + seconds
                + " s. Screen:\n"
                + screen
                + "\nstderr:\n"
                + (Files.exists(stderr(name)) ? Files.readString(stderr(name)) : "(none)"));
      }
      Thread.sleep(200);
      screen = screen(name);
    }
    return screen;
  }

  private Path stderr(String name) {
    return dir.resolve(name + ".stderr");
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
    }
    return output;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      tmux("kill-server");
    } catch (IOException e) {
      // no server left to kill
    }
  }
}
