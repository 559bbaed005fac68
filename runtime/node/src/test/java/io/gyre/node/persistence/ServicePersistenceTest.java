package io.gyre.node.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ModuleRecord;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same persistence checks on the embedded H2 file database and on PostgreSQL. */
class ServicePersistenceTest {
  private static final String OWNER = KeyPair.fromSeedName("alice").peerId().base58();
  private static final String STRANGER = KeyPair.fromSeedName("eve").peerId().base58();
  private static PostgresServer postgres;
  private static int databases;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private NodeSettings settings(NodeSettings.Database.Kind kind) throws Exception {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("gyre.node.identity.seed-name", "relay");
    if (kind == NodeSettings.Database.Kind.POSTGRES) {
      extra.put("gyre.node.database.kind", "postgres");
      extra.put("gyre.node.database.url", postgres.createDatabase("gyre_test_" + (++databases)));
      extra.put("gyre.node.database.user", "gyre");
    }
    return TestNodes.settings(dir.resolve("node"), extra);
  }

  @ParameterizedTest
  @EnumSource(NodeSettings.Database.Kind.class)
  void aRestartedPeerHasItsModulesBlueprintsAndServicesBack(NodeSettings.Database.Kind kind)
      throws Exception {
    NodeSettings settings = settings(kind);
    ServiceTable before;
    String kept;
    try (GyreNode node = GyreNode.start(settings)) {
      PeerId peer = node.peerId();
      RegistryClient registry = node.registry(peer);
      ModuleRecord module =
          new ModuleRecord(
              "greeting",
              "ab".repeat(32),
              JsonNodeFactory.instance.objectNode().put("name", "greeting"));
      await(registry.addModule(module));
      String blueprint =
          await(
              registry.addBlueprint(
                  new BlueprintRecord("cd".repeat(32), "greeting", List.of(module.hash()))));
      ServiceRecord removed =
          await(registry.createService(java.util.UUID.randomUUID().toString(), blueprint, OWNER));
      ServiceRecord service =
          await(registry.createService(java.util.UUID.randomUUID().toString(), blueprint, OWNER));
      kept = service.id();
      // Enough events that recovery starts from a snapshot and replays the events after it.
      for (int i = 0; i < 105; i++) {
        await(registry.addAlias("alias-" + (i % 3), service.id(), OWNER));
      }
      await(registry.removeService(removed.id(), OWNER));
      before = registry.table();
      assertEquals(1, before.services().size());
    }

    try (GyreNode restarted = GyreNode.start(settings)) {
      ServiceTable after = restarted.services(restarted.peerId());
      assertEquals(before, after);
      assertEquals(List.of("alias-0", "alias-1", "alias-2"), after.services().get(kept).aliases());
      assertEquals(kept, after.resolve("alias-2").orElseThrow().id());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (restarted.clusterServices().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of(after.services().get(kept)), restarted.clusterServices());
    }
  }

  @ParameterizedTest
  @EnumSource(NodeSettings.Database.Kind.class)
  void onlyTheOwnerRemovesOrAliasesAService(NodeSettings.Database.Kind kind) throws Exception {
    try (GyreNode node = GyreNode.start(settings(kind))) {
      RegistryClient registry = node.registry(node.peerId());
      ModuleRecord module =
          new ModuleRecord("m", "ef".repeat(32), JsonNodeFactory.instance.objectNode());
      await(registry.addModule(module));
      String blueprint =
          await(
              registry.addBlueprint(
                  new BlueprintRecord("01".repeat(32), "b", List.of(module.hash()))));
      ServiceRecord service =
          await(registry.createService(java.util.UUID.randomUUID().toString(), blueprint, OWNER));

      List<String> errors = new ArrayList<>();
      errors.add(failure(() -> await(registry.removeService(service.id(), STRANGER))));
      errors.add(failure(() -> await(registry.addAlias("mine", service.id(), STRANGER))));
      errors.add(failure(() -> await(registry.addAlias("peer", service.id(), OWNER))));
      errors.add(failure(() -> await(registry.createService("s-x", "no-such-blueprint", OWNER))));
      errors.add(
          failure(
              () ->
                  await(
                      registry.addBlueprint(
                          new BlueprintRecord("02".repeat(32), "c", List.of("missing"))))));

      assertTrue(errors.get(0).contains("only the owner " + OWNER + " may remove"), errors.get(0));
      assertTrue(errors.get(1).contains("only the owner " + OWNER + " may alias"), errors.get(1));
      assertTrue(errors.get(2).contains("alias 'peer' is not allowed"), errors.get(2));
      assertTrue(
          errors.get(3).contains("blueprint no-such-blueprint was not added"), errors.get(3));
      assertTrue(errors.get(4).contains("depends on module missing"), errors.get(4));
      assertEquals(1, registry.table().services().size());
    }
  }

  @org.junit.jupiter.api.Test
  void aDatabaseThatCannotBeReachedStopsTheStartNamingIt() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:1/gyre";
    NodeSettings settings =
        TestNodes.settings(
            dir.resolve("unreachable"),
            Map.of("gyre.node.database.kind", "postgres", "gyre.node.database.url", url));
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            PersistenceException.class, () -> GyreNode.start(settings));
    assertTrue(
        error.getMessage().contains("database " + url + ": cannot prepare the journal tables"),
        error.getMessage());
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private static String failure(Runnable action) {
    try {
      action.run();
    } catch (CompletionException e) {
      return e.getCause().getMessage();
    }
    throw new AssertionError("expected a failure");
  }
}
