package io.gyre.air.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and reads the conformance corpus. The directory is, in order: the system property {@code
 * gyre.conformance.cases}, the environment variable {@code GYRE_CONFORMANCE_CASES}, or {@code
 * <repo>/../shared/conformance/cases} where {@code <repo>} is the nearest directory above the
 * working directory that holds Gyre's root {@code pom.xml} and {@code gyre} launcher. A missing or
 * empty corpus is an error, never an empty test run.
 */
public final class ConformanceCases {
  public static final String PROPERTY = "gyre.conformance.cases";
  public static final String ENVIRONMENT = "GYRE_CONFORMANCE_CASES";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceCases() {}

  /** The corpus directory (see the class comment); it must exist. */
  public static Path directory() {
    Optional<Path> configured =
        Optional.ofNullable(System.getProperty(PROPERTY))
            .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
            .filter(s -> !s.isBlank())
            .map(Path::of);
    Path dir =
        configured.orElseGet(
            () -> repositoryRoot().resolve("../shared/conformance/cases").normalize());
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "conformance cases not found at "
              + dir.toAbsolutePath()
              + " (set -D"
              + PROPERTY
              + "=DIR or "
              + ENVIRONMENT
              + "=DIR)");
    }
    return dir;
  }

  /** Every case of the default corpus, by directory name. */
  public static List<ConformanceCase> load() {
    return load(directory());
  }

  /** Every case under {@code dir} ({@code NN-name/case.json}), by directory name. */
  public static List<ConformanceCase> load(Path dir) {
    List<ConformanceCase> cases = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path caseDir : entries.filter(Files::isDirectory).sorted().toList()) {
        Path file = caseDir.resolve("case.json");
        if (Files.isRegularFile(file)) {
          cases.add(
              new ConformanceCase(
                  caseDir.getFileName().toString(), caseDir, JSON.readTree(file.toFile())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the conformance cases in " + dir, e);
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException("no conformance cases (NN-name/case.json) in " + dir);
    }
    return cases;
  }

  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("gyre"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find Gyre's repository root above "
            + start
            + " (set -D"
            + PROPERTY
            + "=DIR or "
            + ENVIRONMENT
            + "=DIR)");
  }
}
