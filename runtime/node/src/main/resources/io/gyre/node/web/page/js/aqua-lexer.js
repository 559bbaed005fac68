// A small Aqua tokenizer for highlighting: keywords, types, strings, numbers, comments, arrows.
// It never fails: whatever it does not know is plain text.

const KEYWORDS = new Set([
  "aqua", "module", "declares", "export", "import", "use", "from", "as", "func", "service",
  "data", "alias", "const", "ability", "on", "via", "par", "co", "join", "for", "try", "catch",
  "otherwise", "if", "else", "rec", "parseq", "nil", "true", "false",
]);

const SCALARS = new Set([
  "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64", "bool", "string",
]);

// Longest first, so "<<-" wins over "<-".
const ARROWS = ["<<-", "->", "<-", "=>"];
const OPERATORS = "=!<>+-*/%&|?.,:;()[]{}⊤⊥";

/** The tokens of one line: [{type, text}], types keyword|type|string|number|comment|arrow|constant|operator|name|space. */
export function tokenizeLine(line) {
  const tokens = [];
  let i = 0;
  const push = (type, text) => {
    tokens.push({ type, text });
    i += text.length;
  };
  while (i < line.length) {
    const rest = line.slice(i);
    const ch = line[i];
    if (rest.startsWith("--")) {
      push("comment", rest);
    } else if (/\s/.test(ch)) {
      push("space", rest.match(/^\s+/)[0]);
    } else if (ch === '"') {
      push("string", stringAt(rest));
    } else if (/[0-9]/.test(ch) || (ch === "-" && /^-[0-9]/.test(rest) && numberMayStart(tokens))) {
      push("number", rest.match(/^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/)[0]);
    } else if (ARROWS.some((a) => rest.startsWith(a))) {
      push("arrow", ARROWS.find((a) => rest.startsWith(a)));
    } else if (/[A-Za-z_%]/.test(ch)) {
      const word = rest.match(/^%?[A-Za-z_][A-Za-z0-9_]*%?/)?.[0] ?? ch;
      push(classify(word), word);
    } else if (OPERATORS.includes(ch)) {
      push("operator", ch);
    } else {
      push("name", ch);
    }
  }
  return tokens;
}

function stringAt(text) {
  for (let j = 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === '"') return text.slice(0, j + 1);
  }
  return text; // unterminated: the rest of the line
}

/** A minus starts a number only where a value may begin (not after a name or a closing bracket). */
function numberMayStart(tokens) {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.type === "space") continue;
    return !(t.type === "name" || t.type === "number" || t.type === "type" || t.type === "constant" || t.text === ")" || t.text === "]");
  }
  return true;
}

function classify(word) {
  if (KEYWORDS.has(word)) return "keyword";
  if (SCALARS.has(word)) return "type";
  if (/^%.*%$/.test(word)) return "constant";
  if (/^[A-Z][A-Z0-9_]+$/.test(word)) return "constant";
  if (/^[A-Z]/.test(word)) return "type";
  return "name";
}
