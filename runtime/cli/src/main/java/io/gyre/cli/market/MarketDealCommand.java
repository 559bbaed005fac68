package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.cli.console.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `gyre market deal`: the peer opens a deal for its WASM service. */
@Command(
    name = "deal",
    mixinStandardHelpOptions = true,
    description = {
      "Open a deal: the service (a WASM file sent to the peer, or module hashes the cluster",
      "holds) runs on the matched providers' peers, under the alias of the deal id."
    })
public final class MarketDealCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--blueprint",
      required = true,
      paramLabel = "NAME",
      description = "The service's name.")
  String blueprint;

  @Option(
      names = "--wasm",
      paramLabel = "FILE",
      description = "A module file, stored on the peer (repeatable; the last is the facade).")
  List<Path> wasm = new ArrayList<>();

  @Option(
      names = "--module",
      paramLabel = "HASH",
      description = "A module hash some peer of the cluster holds (repeatable).")
  List<String> modules = new ArrayList<>();

  @Option(
      names = "--max-price",
      required = true,
      paramLabel = "N",
      description = "The most paid per unit per epoch.")
  long maxPrice;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "N",
      description = "Units (replicas) wanted.")
  int target;

  @Option(
      names = "--min",
      paramLabel = "N",
      description = "Fewest units to run on (default: --target).")
  Optional<Integer> min = Optional.empty();

  @Option(
      names = "--epochs",
      required = true,
      paramLabel = "N",
      description = "Paid epochs the deal runs for.")
  int epochs;

  @Option(
      names = "--deposit",
      required = true,
      paramLabel = "N",
      description =
          "Minor units from the wallet into the deal's escrow (at least 2 x target x max price to be matched).")
  long deposit;

  @Option(
      names = "--allow",
      paramLabel = "PEER",
      description = "Only these providers (repeatable).")
  List<String> allow = new ArrayList<>();

  @Option(
      names = "--deny",
      paramLabel = "PEER",
      description = "Never these providers (repeatable).")
  List<String> deny = new ArrayList<>();

  @Override
  public Integer call() {
    if (wasm.isEmpty() && modules.isEmpty()) {
      throw new UserError(
          UserError.USAGE, "market deal: give the service as --wasm FILE or --module HASH");
    }
    ObjectNode request =
        MarketOptions.object()
            .put("blueprint", blueprint)
            .put("max_price", maxPrice)
            .put("target", target)
            .put("min", min.orElse(target))
            .put("epochs", epochs)
            .put("deposit", deposit);
    ArrayNode hashes = request.putArray("modules");
    modules.forEach(hashes::add);
    if (!wasm.isEmpty()) {
      ArrayNode files = request.putArray("wasm");
      for (Path file : wasm) {
        files.add(Base64.getEncoder().encodeToString(read(file)));
      }
    }
    ArrayNode allowed = request.putArray("allow");
    allow.forEach(allowed::add);
    ArrayNode denied = request.putArray("deny");
    deny.forEach(denied::add);
    JsonNode answer = market.post("/market/deals", request);
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> out.println(answer.path("deal").asText()));
    return 0;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(UserError.USAGE, "market deal: no such file: " + file);
    } catch (IOException e) {
      throw new UserError(
          UserError.USAGE, "market deal: cannot read " + file + ": " + e.getMessage());
    }
  }
}
