package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `gyre market status`: One deal in full: status, escrow, owner, code, units. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "One deal in full: status, escrow, owner, code, units.")
public final class MarketStatusCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DEAL", description = "The deal id, deal-N.")
  String deal;

  @Override
  public Integer call() {
    JsonNode answer =
        market.get("/market/deals/" + URLEncoder.encode(deal, StandardCharsets.UTF_8));
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> MarketText.status(out, answer));
    return 0;
  }
}
