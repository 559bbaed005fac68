package io.gyre.client;

/**
 * A local service of a client, as a lambda: the script's {@code call %init_peer_id% (SERVICE
 * FUNCTION) [args]} on this client calls it with the function's name and arguments.
 *
 * <pre>{@code
 * client.registerService("greeter", (function, args) -> "hello, " + args.get(0, String.class));
 * }</pre>
 *
 * <p>The return value becomes the call's result (converted to JSON with Jackson; a {@link
 * java.util.concurrent.CompletionStage} is awaited); an exception becomes a failed call whose
 * message the script sees. Handlers run on the client's service threads, never on its particle
 * thread, so they may block.
 */
@FunctionalInterface
public interface ServiceHandler {
  Object call(String function, CallArguments arguments) throws Exception;
}
