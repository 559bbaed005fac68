/** Not API: the SDK's particle runner, local services, relay connection and argument binding. */
package io.gyre.client.internal;
