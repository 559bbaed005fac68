package io.gyre.aqua.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file an {@code import}/{@code use} names: relative to the importing file first, then
 * under each configured import root, then in the {@code node_modules} directories of the importing
 * file's ancestors (so {@code "@fluencelabs/aqua-lib/builtin.aqua"} works the way npm lays it out).
 * The {@code .aqua} extension may be left out.
 */
public final class ImportResolver {
  private final List<Path> importRoots;

  public ImportResolver(List<Path> importRoots) {
    this.importRoots = List.copyOf(importRoots);
  }

  /** The resolved file, or the candidates that were tried. */
  public sealed interface Resolution {}

  public record Found(Path file) implements Resolution {}

  public record NotFound(List<Path> tried) implements Resolution {}

  public Resolution resolve(Path importingFile, String path) {
    Set<Path> tried = new LinkedHashSet<>();
    List<Path> bases = new ArrayList<>();
    Path dir = importingFile.toAbsolutePath().getParent();
    if (dir != null) {
      bases.add(dir);
    }
    for (Path root : importRoots) {
      bases.add(root.toAbsolutePath());
      bases.add(root.toAbsolutePath().resolve("node_modules"));
    }
    for (Path ancestor = dir; ancestor != null; ancestor = ancestor.getParent()) {
      bases.add(ancestor.resolve("node_modules"));
    }
    for (Path base : bases) {
      for (String name : candidates(path)) {
        Path candidate;
        try {
          candidate = base.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
          continue;
        }
        if (tried.add(candidate) && Files.isRegularFile(candidate)) {
          return new Found(candidate);
        }
      }
    }
    return new NotFound(List.copyOf(tried));
  }

  private static List<String> candidates(String path) {
    return path.endsWith(".aqua") ? List.of(path) : List.of(path + ".aqua", path);
  }

  public Optional<Path> find(Path importingFile, String path) {
    return resolve(importingFile, path) instanceof Found f
        ? Optional.of(f.file())
        : Optional.empty();
  }
}
