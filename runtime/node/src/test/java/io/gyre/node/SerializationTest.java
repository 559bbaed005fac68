package io.gyre.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.particle.Particle;
import io.gyre.node.particle.ParticleInbox;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ModuleRecord;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceRegistry;
import io.gyre.node.services.ServiceTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Everything that crosses the network or reaches the journal survives Akka's serialization. */
class SerializationTest {
  private static final ActorTestKit TESTKIT =
      ActorTestKit.create(
          com.typesafe.config.ConfigFactory.parseString("akka.actor.provider = local")
              .withFallback(io.gyre.node.config.NodeConfigLoader.defaults()));

  @AfterAll
  static void stop() {
    TESTKIT.shutdownTestKit();
  }

  private static Object roundTrip(Object value) {
    return roundTrip(value, "JacksonCborSerializer");
  }

  private static Object roundTrip(Object value, String serializerName) {
    Serialization serialization = SerializationExtension.get(TESTKIT.system());
    byte[] bytes = serialization.serialize(value).get();
    var serializer = serialization.findSerializerFor(value);
    assertEquals(serializerName, serializer.getClass().getSimpleName());
    return serialization
        .deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, value))
        .get();
  }

  @Test
  void deliveries() {
    Particle particle =
        new Particle(
            "id-1",
            "12D3KooWinit",
            1_700_000_000_000L,
            10_000,
            "(null)",
            new byte[] {1, 2, 3},
            new byte[] {4, 5});
    // A particle travels between nodes only inside a delivery (runtime/air's layout plus the
    // sender).
    var deliver = new ParticleInbox.Deliver(particle, "12D3KooWfrom");
    assertEquals(deliver, roundTrip(deliver, "ParticleWireSerializer"));
  }

  @Test
  void registryEventsAndSnapshots() {
    ModuleRecord module =
        new ModuleRecord("m", "aa", JsonNodeFactory.instance.objectNode().put("name", "m"));
    BlueprintRecord blueprint = new BlueprintRecord("bb", "b", List.of("aa"));
    ServiceRecord service = new ServiceRecord("s1", "bb", "owner", List.of("x"), "host");
    List<Object> values =
        List.of(
            new ServiceRegistry.ModuleAdded(module),
            new ServiceRegistry.BlueprintAdded(blueprint),
            new ServiceRegistry.ServiceCreated(service),
            new ServiceRegistry.ServiceRemoved("s1"),
            new ServiceRegistry.AliasAdded("x", "s1"),
            new ServiceTable(Map.of("aa", module), Map.of("bb", blueprint), Map.of("s1", service)));
    for (Object value : values) {
      assertEquals(value, roundTrip(value));
    }
  }
}
