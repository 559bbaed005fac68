/** Transports for the libp2p host: TCP and WebSocket (Netty), and multiaddr ↔ socket address. */
package io.gyre.net.libp2p.transport;
