// Starter programs for the editor. They import aqua-lib as installed on the peer.

export const EXAMPLES = [
  {
    name: "hello",
    text: `aqua Hello declares *

export hello

import "@fluencelabs/aqua-lib/builtin.aqua"

-- One builtin call on this peer.
func hello(name: string) -> string:
    greeting <- Op.concat_strings("Hello, ", name)
    <- greeting
`,
  },
  {
    name: "identify",
    text: `aqua Identify declares *

export identify

import "@fluencelabs/aqua-lib/builtin.aqua"

-- Which peer answers, and its clock.
func identify() -> Info, u64:
    info <- Peer.identify()
    now <- Peer.timestamp_ms()
    <- info, now
`,
  },
  {
    name: "neighbours",
    text: `aqua Neighbours declares *

export ask

import "@fluencelabs/aqua-lib/builtin.aqua"

-- Ask another peer for its clock: the particle hops there and back.
func ask(other: string) -> u64:
    on other:
        t <- Peer.timestamp_ms()
    <- t
`,
  },
];
