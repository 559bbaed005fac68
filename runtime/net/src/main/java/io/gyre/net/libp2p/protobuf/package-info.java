/** The protobuf subset libp2p's messages use (varints, bytes, strings, embedded messages). */
package io.gyre.net.libp2p.protobuf;
