package io.gyre.cli.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gyre.node.access.OperatorToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Which token a command sends: {@code --token}, else {@code GYRE_TOKEN}, else the data dir's. */
class PeerOptionsTest {
  @TempDir Path dir;

  private static Optional<String> token(Map<String, String> environment, String... args) {
    PeerOptions options = new PeerOptions();
    new CommandLine(options).parseArgs(args);
    return options.token(environment::get);
  }

  @Test
  void gyreTokenIsUsedWhenNeitherTokenNorDataDirIsGiven() {
    assertEquals(Optional.of("from-env"), token(Map.of("GYRE_TOKEN", "from-env")));
  }

  @Test
  void theTokenOptionWinsOverGyreToken() {
    assertEquals(
        Optional.of("from-flag"), token(Map.of("GYRE_TOKEN", "from-env"), "--token", "from-flag"));
  }

  @Test
  void gyreTokenComesBeforeTheDataDirectorysFileWhichIsTheLastResort() throws Exception {
    Files.writeString(dir.resolve(OperatorToken.FILE_NAME), "from-file\n");
    assertEquals(
        Optional.of("from-env"),
        token(Map.of("GYRE_TOKEN", "from-env"), "--data-dir", dir.toString()));
    assertEquals(Optional.of("from-file"), token(Map.of(), "--data-dir", dir.toString()));
    assertEquals(
        Optional.of("from-file"),
        token(Map.of("GYRE_TOKEN", "  "), "--data-dir", dir.toString()),
        "a blank GYRE_TOKEN is no token");
  }
}
