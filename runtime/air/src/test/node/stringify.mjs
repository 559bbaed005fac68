// For each JSON text on stdin (a JSON array of strings), what V8 prints for
// JSON.stringify(JSON.parse(text), null, 4) and JSON.stringify(JSON.parse(text)).
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const texts = JSON.parse(input);
  const out = texts.map((t) => {
    const v = JSON.parse(t);
    return [JSON.stringify(v, null, 4), JSON.stringify(v)];
  });
  process.stdout.write(JSON.stringify(out));
});
