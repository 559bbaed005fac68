// A js-libp2p 2.x node driven by Gyre's interop tests and benchmarks: one JSON command per line
// on stdin, one JSON reply per line on stdout. The node stops when stdin closes, so a test that
// dies cannot leave it running.
//   node --import ./polyfill.mjs peer.mjs [listen multiaddr ...]
import { createInterface } from 'node:readline'
import { randomBytes, createHash } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { tcp } from '@libp2p/tcp'
import { webSockets } from '@libp2p/websockets'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'

const ECHO = '/gyre/echo/1.0.0'

async function startNode (listen) {
  const node = await createLibp2p({
    addresses: { listen },
    transports: [tcp(), webSockets()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() },
    // the benchmark dials many connections a second from one address: no per-host rate limit
    connectionManager: { maxConnections: 1000, inboundConnectionThreshold: 1000000, maxIncomingPendingConnections: 1000 }
  })
  await node.handle(ECHO, ({ stream }) => {
    stream.sink(stream.source).catch(() => stream.abort(new Error('echo failed')))
  }, { maxInboundStreams: 1024, maxOutboundStreams: 1024 })
  return node
}

function describe (node) {
  return {
    peerId: node.peerId.toString(),
    addrs: node.getMultiaddrs().map(String),
    protocols: node.getProtocols()
  }
}

function concat (chunks, length) {
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

async function readAll (stream) {
  const chunks = []
  let length = 0
  for await (const list of stream.source) {
    const chunk = list.subarray()
    chunks.push(chunk)
    length += chunk.length
  }
  return concat(chunks, length)
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

// Sends `size` random bytes on each of `streams` concurrent echo streams, checks each comes back.
async function echo (node, addr, size, streams) {
  const runs = []
  for (let i = 0; i < streams; i++) {
    runs.push((async () => {
      const payload = randomBytes(size)
      const stream = await node.dialProtocol(multiaddr(addr), ECHO)
      const chunkSize = 16 * 1024
      const written = stream.sink((async function * () {
        for (let at = 0; at < payload.length; at += chunkSize) {
          yield payload.subarray(at, Math.min(at + chunkSize, payload.length))
        }
      })())
      const [back] = await Promise.all([readAll(stream), written])
      await stream.close()
      if (sha256(back) !== sha256(payload)) {
        throw new Error(`stream ${i}: ${back.length} bytes came back, not the ${payload.length} sent`)
      }
      return back.length
    })())
  }
  const lengths = await Promise.all(runs)
  return { streams: lengths.length, bytes: lengths.reduce((a, b) => a + b, 0) }
}

// One echo stream, `rounds` small messages sent one after another; each waits for its echo.
async function roundTrips (node, addr, rounds, size) {
  const stream = await node.dialProtocol(multiaddr(addr), ECHO)
  const replies = stream.source[Symbol.asyncIterator]()
  const outbox = []
  let wake = null
  const sink = stream.sink((async function * () {
    while (true) {
      while (outbox.length === 0) await new Promise((resolve) => { wake = resolve })
      const next = outbox.shift()
      if (next === null) return
      yield next
    }
  })())
  const push = (item) => { outbox.push(item); if (wake) { wake(); wake = null } }
  const nanos = []
  const message = randomBytes(size)
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint()
    push(message)
    let got = 0
    while (got < size) {
      const { value, done } = await replies.next()
      if (done) throw new Error('echo stream ended early')
      got += value.length
    }
    nanos.push(Number(process.hrtime.bigint() - start))
  }
  push(null)
  await sink
  await stream.close()
  return nanos
}

// `count` fresh connections (TCP + Noise + Yamux), each closed before the next one.
async function handshakes (node, addr, count) {
  const nanos = []
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint()
    const connection = await node.dial(multiaddr(addr), { force: true })
    nanos.push(Number(process.hrtime.bigint() - start))
    await connection.close()
  }
  return nanos
}

async function identifyRemote (node, addr) {
  const connection = await node.dial(multiaddr(addr))
  const result = await node.services.identify.identify(connection)
  return {
    peerId: result.peerId.toString(),
    connectionPeer: connection.remotePeer.toString(),
    listenAddrs: result.listenAddrs.map(String),
    protocols: result.protocols,
    agentVersion: result.agentVersion ?? null,
    protocolVersion: result.protocolVersion ?? null,
    observedAddr: result.observedAddr ? String(result.observedAddr) : null
  }
}

async function main () {
  const listen = process.argv.slice(2)
  const node = await startNode(listen)
  const nodes = [node]
  const out = (reply) => process.stdout.write(JSON.stringify(reply) + '\n')
  out({ ready: describe(node) })
  const commands = {
    dial: async ({ addr }) => {
      const connection = await node.dial(multiaddr(addr))
      return { remotePeer: connection.remotePeer.toString() }
    },
    identify: ({ addr }) => identifyRemote(node, addr),
    ping: async ({ addr }) => ({ rttMs: await node.services.ping.ping(multiaddr(addr)) }),
    echo: ({ addr, size, streams }) => echo(node, addr, size, streams),
    roundTrips: async ({ addr, rounds, size }) => ({ nanos: await roundTrips(node, addr, rounds, size) }),
    handshakes: async ({ addr, count }) => ({ nanos: await handshakes(node, addr, count) }),
    // A second node in this process, for js <-> js measurements.
    spawn: async ({ listen }) => {
      const other = await startNode(listen)
      nodes.push(other)
      return describe(other)
    },
    connections: async () => ({
      connections: node.getConnections().map((c) => ({ remotePeer: c.remotePeer.toString(), remoteAddr: String(c.remoteAddr), status: c.status }))
    }),
    hangUp: async ({ peer }) => {
      const wanted = node.getConnections().filter((c) => c.remotePeer.toString() === peer)
      await Promise.all(wanted.map((c) => c.close()))
      return { closed: wanted.length }
    }
  }
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (line.trim() === '') continue
    const request = JSON.parse(line)
    const run = commands[request.cmd]
    try {
      if (!run) throw new Error(`unknown command ${request.cmd}`)
      out({ id: request.id, ok: await run(request) })
    } catch (error) {
      out({ id: request.id, error: String(error && error.stack ? error.stack : error) })
    }
  }
  await Promise.all(nodes.map((n) => n.stop()))
  process.exit(0)
}

main().catch((error) => {
  process.stderr.write(`peer.mjs failed: ${error && error.stack ? error.stack : error}\n`)
  process.exit(1)
})
