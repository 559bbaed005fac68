package io.gyre.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Removes the demo's temporary data directory, deepest entries first. */
public final class TemporaryDirectory {
  private TemporaryDirectory() {}

  public static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the demo's result stands.
    }
  }
}
