/**
 * libp2p behind {@link io.gyre.net.Host}: {@link io.gyre.net.libp2p.Libp2pHost} and its {@link
 * io.gyre.net.libp2p.config.HostOptions}. The codecs live in the sub-packages (multistream, noise,
 * yamux, identify, ping, transport); {@code internal} wires them into connections.
 */
package io.gyre.net.libp2p;
