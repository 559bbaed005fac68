package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.CallFailed;
import io.gyre.client.GyreClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Finds a room's service — by its alias on the room's host — and deploys {@code chat_room.wasm}
 * there when the room does not exist yet. Two clients that open a new room at once both deploy; the
 * alias goes to one, and the other removes its copy and uses the winner's.
 */
final class RoomLocator {
  static final String WASM = "/wasm/chat_room.wasm";

  private final GyreClient client;
  private final ChatOptions options;
  private final Consumer<String> progress;

  RoomLocator(GyreClient client, ChatOptions options, Consumer<String> progress) {
    this.client = client;
    this.options = options;
    this.progress = progress;
  }

  /** Where the room's service is, deploying it first when missing. */
  RoomAddress locate(String room) {
    String host = options.roomHost().orElseGet(() -> chooseHost(room));
    String alias = RoomHost.alias(room);
    JsonNode found = await(client.call(ChatFunctions.get("findRoom"), host, alias), "finding");
    if (found.size() > 0) {
      return new RoomAddress(host, found.get(0).asText(), false);
    }
    progress.accept("room " + room + " is new: deploying chat_room.wasm on " + host);
    String serviceId =
        await(client.call(ChatFunctions.get("deployRoom"), host, roomWasm()), "deploying").asText();
    try {
      await(client.call(ChatFunctions.get("claimRoom"), host, alias, serviceId), "naming");
      return new RoomAddress(host, serviceId, true);
    } catch (ChatException e) {
      if (!(e.getCause() instanceof CallFailed) || !e.getMessage().contains("is taken")) {
        throw e;
      }
      // another client named its room first: ours goes, theirs is the room
      await(client.call(ChatFunctions.get("removeRoom"), host, serviceId), "removing");
      JsonNode winner = await(client.call(ChatFunctions.get("findRoom"), host, alias), "finding");
      if (winner.size() == 0) {
        throw new ChatException("room " + room + " was taken and then vanished on " + host);
      }
      return new RoomAddress(host, winner.get(0).asText(), false);
    }
  }

  /** The relay and the peers it knows: the candidates {@link RoomHost} picks from. */
  private String chooseHost(String room) {
    String relay = relay();
    JsonNode others = await(client.call(ChatFunctions.get("roomPeers"), relay), "listing peers");
    List<String> peers = new ArrayList<>();
    peers.add(relay);
    others.forEach(peer -> peers.add(peer.asText()));
    return RoomHost.closest(room, peers);
  }

  private String relay() {
    try {
      return client
          .whenConnected()
          .get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .base58();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("interrupted while waiting for the relay", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ChatException("not connected to a relay", e);
    }
  }

  private JsonNode await(CompletableFuture<JsonNode> call, String doing) {
    return ChatCalls.await(call, options.callTimeout(), doing + " the room");
  }

  private static String roomWasm() {
    try (InputStream in = RoomLocator.class.getResourceAsStream(WASM)) {
      if (in == null) {
        throw new ChatException(
            "" + WASM + " is not on the class path (build examples: mvn -pl examples package)");
      }
      return Base64.getEncoder().encodeToString(in.readAllBytes());
    } catch (IOException e) {
      throw new ChatException("cannot read " + WASM + ": " + e.getMessage(), e);
    }
  }

  /** A room's service: its host and its id there. */
  record RoomAddress(String host, String serviceId, boolean deployedNow) {}
}
