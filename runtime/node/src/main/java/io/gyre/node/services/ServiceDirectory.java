package io.gyre.node.services;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ddata.Key;
import akka.cluster.ddata.LWWMap;
import akka.cluster.ddata.LWWMapKey;
import akka.cluster.ddata.SelfUniqueAddress;
import akka.cluster.ddata.typed.javadsl.DistributedData;
import akka.cluster.ddata.typed.javadsl.Replicator;
import akka.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where every service in the cluster lives, replicated with Akka Distributed Data: each node writes
 * the records of the services its peers host (and only those), and reads everyone's. The journal is
 * the durable copy; a node re-publishes its peers' services when it starts.
 */
public final class ServiceDirectory {
  static final Key<LWWMap<String, ServiceRecord>> KEY = LWWMapKey.create("gyre-services");

  public interface Command {}

  /** The services {@code hostPeerId} hosts now (replaces what was published for it before). */
  public record Publish(String hostPeerId, Collection<ServiceRecord> services) implements Command {}

  private record Changed(Replicator.SubscribeResponse<LWWMap<String, ServiceRecord>> response)
      implements Command {}

  private record Updated(Replicator.UpdateResponse<LWWMap<String, ServiceRecord>> response)
      implements Command {}

  private ServiceDirectory() {}

  /**
   * @param view replaced with every service in the cluster whenever the replicated map changes
   */
  public static Behavior<Command> create(AtomicReference<List<ServiceRecord>> view) {
    return Behaviors.setup(
        context -> {
          SelfUniqueAddress self = DistributedData.get(context.getSystem()).selfUniqueAddress();
          return DistributedData.withReplicatorMessageAdapter(
              (ReplicatorMessageAdapter<Command, LWWMap<String, ServiceRecord>> replicator) -> {
                replicator.subscribe(KEY, Changed::new);
                return Behaviors.receive(Command.class)
                    .onMessage(
                        Publish.class,
                        publish -> {
                          replicator.askUpdate(
                              replyTo ->
                                  new Replicator.Update<>(
                                      KEY,
                                      LWWMap.empty(),
                                      Replicator.writeLocal(),
                                      replyTo,
                                      map -> replaceHost(map, self, publish)),
                              Updated::new);
                          return Behaviors.same();
                        })
                    .onMessage(
                        Changed.class,
                        changed -> {
                          if (changed.response()
                              instanceof Replicator.Changed<LWWMap<String, ServiceRecord>> c) {
                            view.set(List.copyOf(c.get(KEY).getEntries().values()));
                          }
                          return Behaviors.same();
                        })
                    .onMessage(Updated.class, updated -> Behaviors.same())
                    .build();
              });
        });
  }

  private static LWWMap<String, ServiceRecord> replaceHost(
      LWWMap<String, ServiceRecord> map, SelfUniqueAddress self, Publish publish) {
    LWWMap<String, ServiceRecord> next = map;
    Set<String> current = new HashSet<>();
    for (ServiceRecord service : publish.services()) {
      String key = entryKey(service.hostPeerId(), service.id());
      current.add(key);
      if (!service.equals(next.getEntries().get(key))) {
        next = next.put(self, key, service);
      }
    }
    for (Map.Entry<String, ServiceRecord> entry : map.getEntries().entrySet()) {
      if (entry.getValue().hostPeerId().equals(publish.hostPeerId())
          && !current.contains(entry.getKey())) {
        next = next.remove(self, entry.getKey());
      }
    }
    return next;
  }

  private static String entryKey(String hostPeerId, String serviceId) {
    return hostPeerId + "/" + serviceId;
  }
}
