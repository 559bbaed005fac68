package io.gyre.cli.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import io.gyre.cli.TestPeer;
import io.gyre.node.GyreNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre service` against a real peer: deploy a module from its file, list, describe, remove. */
class ServiceCommandTest {
  @TempDir static Path dir;
  private static GyreNode node;
  private static String url;
  private static Path module;

  @BeforeAll
  static void startPeer() throws Exception {
    TestPeer peer = TestPeer.start(dir.resolve("peer"));
    node = peer.node();
    url = peer.url();
    module = dir.resolve("greeting.wasm");
    try (InputStream in = ServiceCommandTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      Files.write(module, in.readAllBytes());
    }
  }

  @AfterAll
  static void stopPeer() {
    node.close();
  }

  private static GyreRun service(String... args) {
    List<String> all = new ArrayList<>(List.of("service"));
    all.addAll(List.of(args));
    all.addAll(List.of("--peer", url, "--data-dir", dir.resolve("peer").toString()));
    return GyreRun.gyre(all.toArray(String[]::new));
  }

  @Test
  void aModuleIsDeployedListedDescribedAndRemoved() {
    GyreRun deployed = service("deploy", module.toString(), "--name", "greeter");
    assertEquals(0, deployed.exitCode(), deployed.err());
    String id = deployed.out().lines().findFirst().orElseThrow().substring("service ".length());
    assertTrue(deployed.out().contains("alias   greeter"), deployed.out());
    assertTrue(deployed.out().contains("service "), deployed.out());
    assertTrue(
        deployed.out().lines().anyMatch(l -> l.startsWith("service ") && l.endsWith(":")),
        "the Aqua declaration: " + deployed.out());

    // The cluster's listing is replicated (Distributed Data): it shows the service shortly.
    GyreRun listed = service("list");
    for (int i = 0; i < 300 && !listed.out().contains(id + "  greeter"); i++) {
      listed = service("list");
    }
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(
        listed.out().contains(id + "  greeter  host " + node.peerId().base58()), listed.out());

    GyreRun described = service("describe", "greeter");
    assertEquals(0, described.exitCode(), described.err());
    assertTrue(described.out().contains("\"function_signatures\""), described.out());

    GyreRun removed = service("remove", id);
    assertEquals(0, removed.exitCode(), removed.err());
    assertEquals("removed " + id, removed.out().trim());
    GyreRun after = service("list");
    for (int i = 0; i < 300 && after.out().contains(id); i++) {
      after = service("list");
    }
    assertFalse(after.out().contains(id), after.out());
  }

  @Test
  void aRefusedAliasIsOneLineAndLeavesNothing() {
    int before = node.services(node.peerId()).services().size();
    GyreRun refused = service("deploy", module.toString(), "--name", "srv");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("alias 'srv' refused"), refused.err());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertEquals(before, node.services(node.peerId()).services().size());
  }

  @Test
  void anUnknownServiceIsNamed() {
    GyreRun missing = service("describe", "nobody");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no service 'nobody'"), missing.err());
  }
}
