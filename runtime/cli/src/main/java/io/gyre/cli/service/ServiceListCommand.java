package io.gyre.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.cli.peer.PeerOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `gyre service list`: every service of the cluster's members, one a line. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the services of the cluster (id, aliases, host, reachable).")
public final class ServiceListCommand implements Callable<Integer> {
  @Mixin PeerOptions peer;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode services =
        peer.client().get("/services").orFail("the peer did not list its services: ");
    PrintWriter out = spec.commandLine().getOut();
    for (JsonNode service : services) {
      StringBuilder aliases = new StringBuilder();
      service
          .path("aliases")
          .forEach(a -> aliases.append(aliases.length() == 0 ? "" : ",").append(a.asText()));
      out.println(
          service.path("id").asText()
              + "  "
              + (aliases.length() == 0 ? "-" : aliases)
              + "  host "
              + service.path("worker_id").asText()
              + (service.path("reachable").asBoolean(true) ? "" : "  (unreachable)"));
    }
    out.flush();
    return 0;
  }
}
