package io.gyre.cli.node;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre node` refuses what cannot start a peer, naming it, before anything runs. */
class NodeCommandTest {
  @TempDir Path dir;

  @Test
  void aBadSettingIsNamed() {
    GyreRun port = gyre("node", "--data-dir", dir.toString(), "--cluster-port", "70000");
    assertEquals(2, port.exitCode());
    assertTrue(port.err().contains("gyre.node.cluster-port is 70000"), port.err());

    GyreRun database =
        gyre("node", "--data-dir", dir.toString(), "--set", "gyre.node.database.kind=oracle");
    assertEquals(2, database.exitCode());
    assertTrue(
        database.err().contains("gyre.node.database.kind is 'oracle'; use h2 or postgres"),
        database.err());
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path key = dir.resolve("peer.key");
    Files.writeString(key, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    GyreRun run = gyre("node", "--data-dir", dir.toString(), "--key-file", key.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is readable by others"), run.err());
  }
}
