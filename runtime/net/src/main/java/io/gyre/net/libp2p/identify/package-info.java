/** libp2p identify ({@code /ipfs/id/1.0.0}): the message codec, the responder and the asker. */
package io.gyre.net.libp2p.identify;
