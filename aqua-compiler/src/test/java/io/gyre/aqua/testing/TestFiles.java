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

  /**
   * Published Aqua packages the compiler must read as they are (pinned; .ci/run installs the same
   * list): aqua-lib, then Fluence's libraries written on top of it.
   */
  public static final List<String> NPM_PACKAGES =
      List.of(
          "@fluencelabs/aqua-lib@" + AQUA_LIB_VERSION,
          "@fluencelabs/registry@0.9.4",
          "@fluencelabs/spell@0.7.6",
          "@fluencelabs/trust-graph@3.1.2",
          "@fluencelabs/aqua-ipfs@0.5.31");

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
    boolean missing =
        NPM_PACKAGES.stream().anyMatch(p -> !Files.isDirectory(packageDir(prefix, p)));
    if (missing) {
      // One install of the whole list: npm removes what a later --no-save install does not name.
      Files.createDirectories(prefix);
      List<String> command =
          new java.util.ArrayList<>(
              List.of("npm", "install", "--no-save", "--prefix", prefix.toString()));
      command.addAll(NPM_PACKAGES);
      Process npm = new ProcessBuilder(command).inheritIO().start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install of " + NPM_PACKAGES + " failed");
      }
    }
    return prefix;
  }

  private static Path packageDir(Path prefix, String spec) {
    return prefix.resolve("node_modules").resolve(spec.substring(0, spec.lastIndexOf('@')));
  }

  /** The installed directory of one of {@link #NPM_PACKAGES}, e.g. "@fluencelabs/spell@0.7.6". */
  public static Path npmPackage(String spec) throws IOException, InterruptedException {
    return packageDir(npmPrefix(), spec);
  }

  public static Path aquaLib() throws IOException, InterruptedException {
    return npmPrefix().resolve("node_modules/@fluencelabs/aqua-lib");
  }
}
