package io.gyre.cli.client;

import io.gyre.cli.console.UserError;
import io.gyre.identity.KeyPair;
import io.gyre.identity.files.IdentityException;
import io.gyre.identity.files.KeySource;
import io.gyre.identity.files.PeerKeys;
import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the client apps ({@code gyre chat}, {@code gyre bot}) take from their options: the relays of
 * {@code --via} and the key of {@code --key}, each mistake a one-line usage error.
 */
public final class ClientArguments {
  private ClientArguments() {}

  /** The {@code --via} multiaddrs, in order (the first is tried first). */
  public static List<Multiaddr> relays(List<String> via) {
    List<Multiaddr> relays = new ArrayList<>();
    for (String address : via) {
      try {
        relays.add(Multiaddr.parse(address));
      } catch (InvalidMultiaddrException e) {
        throw new UserError(UserError.USAGE, "--via " + address + ": " + e.getMessage());
      }
    }
    return relays;
  }

  /** The key kept in {@code keyFile} (made on first use), or a new one for this run only. */
  public static KeyPair key(Optional<Path> keyFile) {
    if (keyFile.isEmpty()) {
      return KeyPair.generate();
    }
    try {
      return PeerKeys.load(new KeySource.DataDirectory(keyFile.get().toAbsolutePath()));
    } catch (IdentityException e) {
      throw new UserError(UserError.USAGE, "--key: " + e.getMessage(), e);
    }
  }
}
