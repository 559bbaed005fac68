package io.gyre.node.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AIR that deploys a one-module WASM service on a peer through its builtins, as a client would:
 * {@code dist.add_module}, {@code dist.make_blueprint}, {@code dist.add_blueprint}, {@code
 * srv.create}, {@code srv.add_alias} (the module's name). It responds with the module hash, the
 * blueprint id and the service id.
 */
public final class DeployScript {
  public static final String AIR =
      "(seq (seq (seq (seq (seq (seq (seq"
          + " (call %init_peer_id% (\"getDataSrv\" \"module\") [] module)"
          + " (call %init_peer_id% (\"getDataSrv\" \"config\") [] config))"
          + " (call %init_peer_id% (\"getDataSrv\" \"peer\") [] peer))"
          + " (call peer (\"dist\" \"add_module\") [module config] hash))"
          + " (seq (seq (ap hash $deps) (canon peer $deps #deps))"
          + "      (call peer (\"dist\" \"make_blueprint\") [config.$.name #deps] blueprint)))"
          + " (call peer (\"dist\" \"add_blueprint\") [blueprint] blueprint_id))"
          + " (seq (call peer (\"srv\" \"create\") [blueprint_id] service_id)"
          + "      (xor (call peer (\"srv\" \"add_alias\") [config.$.name service_id])"
          // all or nothing: a refused alias removes the service just made, then fails
          + "           (seq (call peer (\"srv\" \"remove\") [service_id]) (fail :error:)))))"
          + " (call %init_peer_id% (\"callbackSrv\" \"response\") [hash blueprint_id service_id]))";

  private DeployScript() {}

  /** The run's arguments: the module (base64), its config {@code {"name": NAME}}, the peer. */
  public static Map<String, JsonNode> arguments(byte[] module, String name, String peerId) {
    Map<String, JsonNode> args = new LinkedHashMap<>();
    args.put("module", new TextNode(Base64.getEncoder().encodeToString(module)));
    args.put("config", JsonNodeFactory.instance.objectNode().put("name", name));
    args.put("peer", new TextNode(peerId));
    return args;
  }

  /** A run of the deployment, started by the node's primary peer. */
  public static RunRequest request(byte[] module, String name, String peerId) {
    return new RunRequest(
        AIR,
        arguments(module, name, peerId),
        RunRequest.DEFAULT_TTL,
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }
}
