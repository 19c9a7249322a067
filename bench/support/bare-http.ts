import http from 'node:http';

/**
 * The floor for single-event requests: a bare node:http server, in its own process like the product, that only reads
 * the body, parses the JSON and answers 202 — no validation, no database. Prints its port as one JSON line.
 */
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      const count = Array.isArray((body as { events?: unknown[] }).events) ? (body as { events: unknown[] }).events.length : 1;
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: count }));
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
