package io.gyre.aqua.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the tests find their inputs: the repository's conformance corpus and the real aqua-lib
 * 0.10.2, which is installed from the npm registry into a cache on first use (never kept in the
 * repo).
 */
public final class TestFiles {
  public static final String AQUA_LIB_VERSION = "0.10.2";

  private TestFiles() {}

  /**
   * The repository's {@code conformance} directory (its {@code cases} are the project's test data),
   * or {@code -Dgyre.conformance.dir}.
   */
  public static Path conformanceDir() {
    String configured =
        System.getProperty("gyre.conformance.dir", System.getenv("GYRE_CONFORMANCE_DIR"));
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("gyre"))
          && Files.isDirectory(dir.resolve("conformance/cases"))) {
        return dir.resolve("conformance");
      }
    }
    throw new IllegalStateException("conformance corpus not found; set -Dgyre.conformance.dir");
  }

  public static List<Path> conformanceCases() throws IOException {
    try (Stream<Path> cases = Files.list(conformanceDir().resolve("cases"))) {
      return cases.filter(Files::isDirectory).sorted().toList();
    }
  }

  /**
   * The directory that holds {@code node_modules/@fluencelabs/aqua-lib}: {@code -Dgyre.npm.dir},
   * else {@code ~/.cache/gyre/npm}, installed there with npm when missing.
   */
  public static synchronized Path npmPrefix() throws IOException, InterruptedException {
    String configured = System.getProperty("gyre.npm.dir", System.getenv("GYRE_NPM_DIR"));
    Path prefix =
        configured != null
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "gyre", "npm");
    Path lib = prefix.resolve("node_modules/@fluencelabs/aqua-lib");
    if (!Files.isRegularFile(lib.resolve("builtin.aqua"))) {
      Files.createDirectories(prefix);
      Process npm =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--no-save",
                  "--prefix",
                  prefix.toString(),
                  "@fluencelabs/aqua-lib@" + AQUA_LIB_VERSION)
              .inheritIO()
              .start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install of @fluencelabs/aqua-lib failed");
      }
    }
    return prefix;
  }

  public static Path aquaLib() throws IOException, InterruptedException {
    return npmPrefix().resolve("node_modules/@fluencelabs/aqua-lib");
  }
}
