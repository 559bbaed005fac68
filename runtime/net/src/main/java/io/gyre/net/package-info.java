/**
 * The wire, as the rest of Gyre sees it: {@link io.gyre.net.Host}, {@link io.gyre.net.Connection},
 * {@link io.gyre.net.Stream}, {@link io.gyre.net.Multiaddr}. Nothing here names libp2p or Netty;
 * the libp2p implementation lives in {@code io.gyre.net.libp2p}.
 */
package io.gyre.net;
