package io.gyre.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The marketplace behind {@code /market/...}: reads open to anyone, acts for the operator (the
 * peer's own identity). Never completes exceptionally: a refusal is an answer with its status.
 */
public interface MarketEndpoints {
  /** What {@code GET /market/offers|deals|ledger} and {@code /market/deals/ID} answer. */
  enum Read {
    OFFERS,
    DEALS,
    DEAL,
    LEDGER,
    /** The whole state, deterministic, with its journal position. */
    DUMP
  }

  /** What the acting {@code POST /market/...} endpoints do. */
  enum Act {
    OFFER,
    WITHDRAW_OFFER,
    DEAL,
    DEPOSIT,
    CANCEL,
    FUND,
    /** The operator's peer takes money out of its own wallet or earnings. */
    WITHDRAW
  }

  /** An answer: the HTTP status and its JSON body. */
  record Answer(int status, JsonNode body) {}

  CompletionStage<Answer> read(Read what, Optional<String> id);

  CompletionStage<Answer> act(Act what, Optional<String> id, JsonNode body);
}
