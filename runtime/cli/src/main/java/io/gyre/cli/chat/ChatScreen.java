package io.gyre.cli.chat;

import java.io.IOException;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The chat's terminal (JLine 3): lines arriving from any thread appear above the prompt, which
 * keeps what is being typed; a typed line is read after Enter.
 */
final class ChatScreen implements AutoCloseable {
  private final Terminal terminal;
  private final LineReader reader;

  private ChatScreen(Terminal terminal) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder().terminal(terminal).appName("gyre chat").build();
  }

  /** The process's terminal; without one (input from a pipe), a plain line-by-line one. */
  static ChatScreen open() throws IOException {
    return new ChatScreen(
        TerminalBuilder.builder().name("gyre chat").system(true).dumb(true).build());
  }

  /** Shows {@code line} above the prompt; safe from any thread. */
  void print(String line) {
    reader.printAbove(line);
  }

  /** The next typed line, or empty when the input ends (Ctrl-D) or is interrupted (Ctrl-C). */
  Optional<String> readLine(String prompt) {
    try {
      return Optional.of(reader.readLine(prompt));
    } catch (UserInterruptException | EndOfFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    terminal.close();
  }
}
