package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended, whichever way it ran (a peer's HTTP API or as a client through a relay), and how
 * {@code gyre run} prints it: the response on stdout; why there is none, the script's errors and
 * the particle on stderr. Exit 0 when the function responded without errors, else 1.
 */
record RunReport(
    String particleId,
    boolean ok,
    String status,
    Optional<JsonNode> response,
    List<JsonNode> errors,
    String message,
    long elapsedMs) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  RunReport {
    errors = List.copyOf(errors);
  }

  /** The answer of {@code POST /run} (runtime/node/README.md). */
  static RunReport fromHttp(JsonNode answer) {
    List<JsonNode> errors = new ArrayList<>();
    answer.path("errors").forEach(errors::add);
    JsonNode response = answer.path("response");
    return new RunReport(
        answer.path("particle_id").asText(),
        answer.path("ok").asBoolean(false),
        answer.path("status").asText("?"),
        response.isMissingNode() || response.isNull() ? Optional.empty() : Optional.of(response),
        errors,
        answer.path("message").asText(""),
        answer.path("elapsed_ms").asLong());
  }

  int print(String function, PrintWriter out, PrintWriter err) throws IOException {
    if (ok) {
      if (response.isPresent()) {
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(response.get()));
      }
    } else {
      err.println(
          "gyre run: " + function + " " + status + (message.isEmpty() ? "" : ": " + message));
    }
    for (JsonNode error : errors) {
      err.println("gyre run: error: " + error);
    }
    err.println("particle " + particleId + ", " + elapsedMs + " ms");
    return ok && errors.isEmpty() ? 0 : 1;
  }
}
