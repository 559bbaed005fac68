package io.gyre.aqua.source;

import java.nio.file.Path;
import java.util.List;

/**
 * An Aqua source file: the path it was read from (for imports), the name shown in messages and its
 * text.
 */
public record SourceFile(Path path, String displayName, String text) {

  public SourceFile {
    text = text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Line {@code n} (1-based) without its line break, or "" when out of range. */
  public String line(int n) {
    List<String> lines = text.lines().toList();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
