package io.gyre.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.cli.peer.PeerOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `gyre service remove ID`: removes a service the peer owns. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Remove a service of the peer (by id or alias).")
public final class ServiceRemoveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "The service's id or alias.")
  String id;

  @Mixin PeerOptions peer;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode removed =
        peer.client()
            .delete("/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
            .orFail("");
    spec.commandLine().getOut().println("removed " + removed.path("removed").asText());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
