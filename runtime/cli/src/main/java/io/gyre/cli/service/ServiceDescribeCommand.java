package io.gyre.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.peer.PeerOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `gyre service describe ID`: a service of the peer and its interface, as JSON. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show a service of the peer (by id or alias) and its interface.")
public final class ServiceDescribeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "The service's id or alias.")
  String id;

  @Mixin PeerOptions peer;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonNode service =
        peer.client().get("/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orFail("");
    spec.commandLine()
        .getOut()
        .println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(service));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
