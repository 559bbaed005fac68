package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `gyre market offer`: the peer offers compute units. */
@Command(
    name = "offer",
    mixinStandardHelpOptions = true,
    description = "Offer compute units (one per peer; default: this peer) at a price per epoch.")
public final class MarketOfferCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--price",
      required = true,
      paramLabel = "N",
      description = "Minor units per unit per epoch.")
  long price;

  @Option(
      names = "--collateral",
      required = true,
      paramLabel = "N",
      description = "Minor units locked per unit from the wallet, slashed on failed proofs.")
  long collateral;

  @Option(
      names = "--unit-peer",
      paramLabel = "PEER",
      description = "A peer that hosts one unit (repeatable; default: the peer itself).")
  List<String> unitPeers = new ArrayList<>();

  @Option(
      names = "--host-function",
      paramLabel = "NAME",
      description = "A host function services on these units may use (repeatable).")
  List<String> hostFunctions = new ArrayList<>();

  @Override
  public Integer call() {
    ObjectNode request = MarketOptions.object().put("price", price).put("collateral", collateral);
    ArrayNode peers = request.putArray("unit_peers");
    unitPeers.forEach(peers::add);
    ArrayNode functions = request.putArray("host_functions");
    hostFunctions.forEach(functions::add);
    JsonNode answer = market.post("/market/offers", request);
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> out.println(answer.path("offer").asText()));
    return 0;
  }
}
