package io.gyre.node.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketException;
import io.gyre.node.http.MarketEndpoints;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * The HTTP API's marketplace: reads for anyone, acts as the node's own peer (the operator, who
 * holds the token). A deal may carry its modules as base64 ({@code "wasm": [...]}): they are stored
 * on this peer (as {@code dist.add_module}) and named by their hashes, so matched providers can
 * take them from here.
 */
final class MarketHttp implements MarketEndpoints {
  private final MarketRequests market;
  private final PeerId operator;
  private final BiFunction<byte[], String, CompletionStage<String>> upload;

  /**
   * @param upload stores a module on this peer under a name; its hash
   */
  MarketHttp(
      MarketRequests market,
      PeerId operator,
      BiFunction<byte[], String, CompletionStage<String>> upload) {
    this.market = market;
    this.operator = operator;
    this.upload = upload;
  }

  @Override
  public CompletionStage<Answer> read(Read what, Optional<String> id) {
    return answered(
        () ->
            switch (what) {
              case OFFERS -> market.offers();
              case DEALS -> market.deals();
              case LEDGER -> market.ledger();
              case DEAL -> market.deal(id.orElse(""));
              case DUMP -> market.dump();
            },
        200);
  }

  @Override
  public CompletionStage<Answer> act(Act what, Optional<String> id, JsonNode body) {
    return answered(
        () ->
            switch (what) {
              case OFFER -> market.offer(operator, body);
              case WITHDRAW_OFFER -> market.withdrawOffer(operator, id.orElse(""));
              case DEAL -> withModules(body).thenCompose(request -> market.deal(operator, request));
              case DEPOSIT -> market.deposit(operator, id.orElse(""), body);
              case CANCEL -> market.cancel(operator, id.orElse(""));
              case FUND -> market.fund(body);
              case WITHDRAW -> market.withdraw(operator, body);
            },
        what == Act.OFFER || what == Act.DEAL ? 201 : 200);
  }

  /** Stores the request's base64 modules ({@code "wasm"}) and adds their hashes to "modules". */
  private CompletionStage<JsonNode> withModules(JsonNode body) {
    if (!body.isObject() || !body.has("wasm")) {
      return CompletableFuture.completedStage(body);
    }
    JsonNode wasm = body.get("wasm");
    if (!wasm.isArray() || wasm.isEmpty()) {
      throw new MarketRequests.BadMarketRequest("'wasm' must be an array of base64 modules");
    }
    String name =
        body.path("blueprint").isTextual() ? body.get("blueprint").textValue() : "service";
    List<byte[]> modules = new ArrayList<>();
    for (JsonNode module : wasm) {
      try {
        modules.add(Base64.getDecoder().decode(module.asText()));
      } catch (IllegalArgumentException e) {
        throw new MarketRequests.BadMarketRequest("'wasm' holds something that is not base64");
      }
    }
    CompletionStage<List<String>> hashes = CompletableFuture.completedStage(new ArrayList<>());
    for (int i = 0; i < modules.size(); i++) {
      byte[] module = modules.get(i);
      String moduleName = i == modules.size() - 1 ? name : name + "-" + i;
      hashes =
          hashes.thenCompose(
              list ->
                  upload
                      .apply(module, moduleName)
                      .thenApply(
                          hash -> {
                            list.add(hash);
                            return list;
                          }));
    }
    return hashes.thenApply(
        list -> {
          ObjectNode request = ((ObjectNode) body).deepCopy();
          request.remove("wasm");
          ArrayNode all = request.putArray("modules");
          body.path("modules").forEach(all::add);
          list.forEach(all::add);
          return request;
        });
  }

  private interface Work {
    CompletionStage<JsonNode> start();
  }

  /** The work's answer with {@code ok}, or its failure as a status and a one-line error. */
  private static CompletionStage<Answer> answered(Work work, int ok) {
    CompletionStage<JsonNode> stage;
    try {
      stage = work.start();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedStage(e);
    }
    return stage.handle(
        (body, failure) -> {
          if (failure == null) {
            return new Answer(ok, body);
          }
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          return new Answer(status(cause), error(cause));
        });
  }

  private static int status(Throwable cause) {
    if (cause instanceof MarketException refused) {
      return switch (refused.error().code()) {
        case INVALID_AMOUNT, INVALID_REQUEST -> 400;
        case UNKNOWN_OFFER, UNKNOWN_DEAL, UNKNOWN_UNIT -> 404;
        case NOT_AUTHORIZED -> 403;
        case INSUFFICIENT_FUNDS, DUPLICATE, WRONG_STATE, PROOF_REJECTED -> 409;
      };
    }
    if (cause instanceof MarketRequests.BadMarketRequest) {
      return 400;
    }
    if (cause instanceof MarketTimeout.NoMarketNode) {
      return 404;
    }
    if (MarketTimeout.is(cause)) {
      return 503;
    }
    return cause instanceof io.gyre.node.services.ServiceException ? 422 : 500;
  }

  private static JsonNode error(Throwable cause) {
    ObjectNode out = MarketJson.JSON.objectNode();
    if (cause instanceof MarketException refused) {
      MarketError error = refused.error();
      out.put("error", error.message());
      out.put("code", error.code().name());
    } else if (MarketTimeout.is(cause)) {
      out.put("error", MarketTimeout.MESSAGE);
    } else {
      out.put("error", cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
    return out;
  }
}
