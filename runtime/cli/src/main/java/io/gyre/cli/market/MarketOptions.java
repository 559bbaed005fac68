package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gyre.cli.console.UserError;
import io.gyre.cli.peer.PeerClient;
import io.gyre.cli.peer.PeerOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every {@code gyre market} command shares: the peer it asks (and its token, for the acting
 * ones), {@code --json}, and one-line errors from the peer's answers.
 */
public final class MarketOptions {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin PeerOptions peer;

  @Option(names = "--json", description = "Print the peer's JSON answer as it is.")
  boolean json;

  JsonNode get(String path) {
    return checked(peer.client().get(path));
  }

  JsonNode post(String path, JsonNode body) {
    return checked(peer.client().post(path, body));
  }

  /** The answer's body, or one line saying why it failed (exit 2 for a bad request). */
  private static JsonNode checked(PeerClient.Answer answer) {
    if (answer.ok()) {
      return answer.body();
    }
    String code = answer.body().path("code").asText("");
    // The command's name starts the line already (gyre market deposit: ...).
    String line = (code.isEmpty() ? "" : code + ": ") + answer.error();
    throw new UserError(answer.status() == 400 ? UserError.USAGE : UserError.FAILED, line);
  }

  /** With {@code --json} the answer as JSON; otherwise the command's own lines. */
  void print(PrintWriter out, JsonNode answer, Runnable text) {
    if (json) {
      try {
        out.println(MAPPER.writeValueAsString(answer));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        out.println(answer.toString());
      }
    } else {
      text.run();
    }
    out.flush();
  }

  static com.fasterxml.jackson.databind.node.ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
