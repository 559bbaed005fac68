package io.gyre.node.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the playground's Aqua imports are looked for: the npm cache that {@code gyre aqua compile}
 * reads too ({@code GYRE_NPM_DIR}, else {@code ~/.cache/gyre/npm}), so {@code import
 * "@fluencelabs/aqua-lib/builtin.aqua"} works once aqua-lib is installed there.
 */
public final class ImportRoots {
  private ImportRoots() {}

  /** The roots for this process' environment and home directory. */
  public static List<Path> standard() {
    return of(System.getenv(), System.getProperty("user.home"));
  }

  static List<Path> of(Map<String, String> env, String home) {
    String configured = env.get("GYRE_NPM_DIR");
    if (configured != null && !configured.isBlank()) {
      return List.of(Path.of(configured));
    }
    return List.of(Path.of(home, ".cache", "gyre", "npm"));
  }
}
