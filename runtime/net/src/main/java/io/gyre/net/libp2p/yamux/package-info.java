/**
 * Yamux ({@code /yamux/1.0.0}): the frame header codec, the session and stream state machines
 * (windows, FIN, RST, ping, GoAway), and the Netty handler with keep-alive.
 */
package io.gyre.net.libp2p.yamux;
