/** libp2p ping ({@code /ipfs/ping/1.0.0}): responder and asker. */
package io.gyre.net.libp2p.ping;
