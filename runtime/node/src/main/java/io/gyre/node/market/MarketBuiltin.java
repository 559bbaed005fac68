package io.gyre.node.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketException;
import io.gyre.node.builtins.BuiltinService;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The builtin service {@code market} (declared in {@code io/gyre/node/market/market.aqua}): the
 * marketplace from Aqua. The acting peer is the particle's init peer, whose signature the peer has
 * checked; money enters only through the operator's {@code POST /market/fund}.
 */
final class MarketBuiltin {
  static final String ID = "market";

  private MarketBuiltin() {}

  static BuiltinService create(MarketRequests market) {
    return new Guarded(BuiltinService.named(ID))
        .asyncFunction(
            "offer",
            call ->
                acting(call)
                    .thenCompose(
                        peer ->
                            market.offer(peer, object(call, "unit_peers", "price", "collateral")))
                    .thenApply(answer -> answer.get("offer")))
        .asyncFunction(
            "deal",
            call ->
                acting(call)
                    .thenCompose(
                        peer ->
                            market.deal(
                                peer,
                                object(
                                    call,
                                    "blueprint",
                                    "modules",
                                    "max_price",
                                    "target",
                                    "min",
                                    "epochs",
                                    "deposit")))
                    .thenApply(answer -> answer.get("deal")))
        .asyncFunction("status", call -> market.deal(string(call, 0, "deal_id")))
        .asyncFunction(
            "deposit",
            call ->
                acting(call)
                    .thenCompose(
                        peer ->
                            market.deposit(
                                peer, string(call, 0, "deal_id"), object(call, "", "amount")))
                    .thenApply(answer -> answer.get("escrow")))
        .asyncFunction(
            "cancel",
            call ->
                acting(call)
                    .thenCompose(peer -> market.cancel(peer, string(call, 0, "deal_id")))
                    .thenApply(answer -> answer.get("refunded")))
        .asyncFunction(
            "withdraw",
            call ->
                acting(call)
                    .thenCompose(peer -> market.withdraw(peer, object(call, "from", "amount")))
                    .thenApply(answer -> answer.get("balance")))
        .asyncFunction(
            "withdraw_offer",
            call ->
                acting(call)
                    .thenCompose(peer -> market.withdrawOffer(peer, string(call, 0, "offer_id")))
                    .thenApply(answer -> answer.get("withdrawn")))
        .asyncFunction("offers", call -> market.offers().thenApply(a -> a.get("offers")))
        .asyncFunction("deals", call -> market.deals().thenApply(a -> a.get("deals")))
        .asyncFunction("ledger", call -> market.ledger().thenApply(MarketBuiltin::accounts))
        .asyncFunction(
            "epoch",
            call ->
                market
                    .ledger()
                    .thenApply(
                        a ->
                            (JsonNode)
                                MarketJson.JSON
                                    .objectNode()
                                    .put("epoch", a.get("epoch").asLong())
                                    .put(
                                        "last_settled_epoch",
                                        a.get("last_settled_epoch").asLong())))
        .build();
  }

  /** Adds functions whose every failure, thrown or in their stage, becomes one clear line. */
  private record Guarded(BuiltinService.Builder builder) {
    Guarded asyncFunction(String name, Function<ServiceCall, CompletionStage<JsonNode>> function) {
      builder.asyncFunction(
          name,
          call -> {
            CompletionStage<JsonNode> answer;
            try {
              answer = function.apply(call);
            } catch (RuntimeException e) {
              answer = CompletableFuture.failedStage(e);
            }
            return answer.handle(
                (value, error) -> {
                  if (error != null) {
                    Throwable wrapped = failure(call).apply(error);
                    throw wrapped instanceof RuntimeException r
                        ? r
                        : new CompletionException(wrapped);
                  }
                  return value;
                });
          });
      return this;
    }

    BuiltinService build() {
      return builder.build();
    }
  }

  /** The ledger as Aqua's {@code []Account}: {@code {account, balance}} in account order. */
  private static JsonNode accounts(JsonNode ledger) {
    ArrayNode out = MarketJson.JSON.arrayNode();
    Iterator<Map.Entry<String, JsonNode>> fields = ledger.get("accounts").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> account = fields.next();
      out.addObject().put("account", account.getKey()).put("balance", account.getValue().asLong());
    }
    return out;
  }

  private static CompletionStage<PeerId> acting(ServiceCall call) {
    return PeerId.parse(call.initPeerId())
        .map(CompletableFuture::completedStage)
        .orElseGet(
            () ->
                CompletableFuture.failedStage(
                    new ServiceException("market: the init peer is not a peer id")));
  }

  /** The call's arguments as the request object, by position; an empty name skips one. */
  private static ObjectNode object(ServiceCall call, String... names) {
    ObjectNode out = MarketJson.JSON.objectNode();
    for (int i = 0; i < names.length; i++) {
      if (!names[i].isEmpty() && i < call.arguments().size()) {
        out.set(names[i], call.arguments().get(i));
      }
    }
    return out;
  }

  private static String string(ServiceCall call, int index, String name) {
    JsonNode value = call.argument(index);
    if (!value.isTextual()) {
      throw new ServiceException(
          "market." + call.functionName() + ": argument '" + name + "' must be a string");
    }
    return value.textValue();
  }

  /** Every failure as the call's error, one line: {@code market.deal: CODE: message}. */
  private static Function<Throwable, Throwable> failure(ServiceCall call) {
    return error -> {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof ServiceException) {
        return cause;
      }
      String what = "market." + call.functionName() + ": ";
      if (cause instanceof MarketException
          || cause instanceof MarketRequests.BadMarketRequest
          || cause instanceof MarketTimeout.NoMarketNode) {
        return new ServiceException(what + cause.getMessage(), cause);
      }
      if (MarketTimeout.is(cause)) {
        return new ServiceException(what + MarketTimeout.MESSAGE, cause);
      }
      return new ServiceException(what + cause, cause);
    };
  }
}
