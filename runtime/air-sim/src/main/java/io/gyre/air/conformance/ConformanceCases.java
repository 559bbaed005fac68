package io.gyre.air.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads the conformance corpus. The corpus is test data of the project: {@code
 * <repo>/conformance/cases}, where {@code <repo>} is the nearest directory above the working
 * directory that holds Gyre's root {@code pom.xml} and {@code gyre} launcher. When the workshop's
 * {@code <repo>/../shared/conformance/cases} is there too, its cases that the repository does not
 * hold yet are added (an extra source, never a requirement). The system property {@code
 * gyre.conformance.cases} or the environment variable {@code GYRE_CONFORMANCE_CASES} replaces both
 * with one directory. A missing or empty corpus is an error, never an empty test run.
 */
public final class ConformanceCases {
  public static final String PROPERTY = "gyre.conformance.cases";
  public static final String ENVIRONMENT = "GYRE_CONFORMANCE_CASES";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceCases() {}

  /** The corpus directory (see the class comment); it must exist. */
  public static Path directory() {
    Path dir = configured().orElseGet(() -> repositoryRoot().resolve("conformance/cases"));
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

  /** Every case of the default corpus (the repository's, plus the workshop's extra cases). */
  public static List<ConformanceCase> load() {
    List<ConformanceCase> cases = new ArrayList<>(load(directory()));
    if (configured().isEmpty()) {
      Path shared = repositoryRoot().resolve("../shared/conformance/cases").normalize();
      if (Files.isDirectory(shared)) {
        Set<String> held = new HashSet<>();
        cases.forEach(c -> held.add(c.id()));
        readCases(shared).stream().filter(c -> !held.contains(c.id())).forEach(cases::add);
        cases.sort(Comparator.comparing(ConformanceCase::id));
      }
    }
    return cases;
  }

  /** Every case under {@code dir} ({@code NN-name/case.json}), by directory name. */
  public static List<ConformanceCase> load(Path dir) {
    List<ConformanceCase> cases = readCases(dir);
    if (cases.isEmpty()) {
      throw new IllegalStateException("no conformance cases (NN-name/case.json) in " + dir);
    }
    return cases;
  }

  private static List<ConformanceCase> readCases(Path dir) {
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
    return cases;
  }

  private static Optional<Path> configured() {
    return Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
        .filter(s -> !s.isBlank())
        .map(Path::of);
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
