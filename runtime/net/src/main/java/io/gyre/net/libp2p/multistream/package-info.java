/** multistream-select 1.0: the pure codec and negotiation, and a Netty handler for connections. */
package io.gyre.net.libp2p.multistream;
