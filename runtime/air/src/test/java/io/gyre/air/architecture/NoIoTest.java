package io.gyre.air.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * runtime/air is the pure interpreter: its main code touches no file, socket, process or
 * environment, and knows nothing of Akka. Read from the sources, so a new import fails here.
 */
class NoIoTest {
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\bjava\\.nio\\.file\\b|\\bjava\\.io\\.File\\w*|\\bjava\\.net\\b|\\bProcessBuilder\\b"
              + "|\\bSystem\\.getenv\\b|\\bRuntime\\.getRuntime\\(\\)\\.exec\\b|\\bakka\\.");

  @Test
  void mainCodeDoesNoIoAndUsesNoAkka() throws IOException {
    Path main = Path.of("src/main/java");
    assertTrue(Files.isDirectory(main), "run from the module directory: " + main.toAbsolutePath());
    List<String> offences = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.walk(main)) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find()) {
            offences.add(main.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(files > 50, "found the interpreter's sources");
    assertEquals(List.of(), offences);
  }
}
