// The form for a compiled function's arguments, made from their Aqua types. A string argument
// takes plain text; any other type takes JSON. A top-level option (?T) may be left empty.

import { el, replace } from "./dom.js";

const INTEGER = /^[ui](8|16|32|64)$/;
const FLOAT = /^f(32|64)$/;

/** A bad argument: the message names it. */
export class ArgumentError extends Error {}

export function renderArguments(container, fn) {
  if (fn.arguments.length === 0) {
    replace(container, el("p", { class: "muted" }, "no arguments"));
    return;
  }
  replace(
    container,
    fn.arguments.map((arg) => {
      const id = `arg-${arg.name}`;
      const textual = baseType(arg.type) === "string";
      return el(
        "div",
        { class: "arg" },
        el("label", { for: id }, `${arg.name}: `, el("code", {}, arg.type), textual ? "" : el("span", { class: "muted" }, " (JSON)")),
        el("input", {
          id,
          name: arg.name,
          "data-type": arg.type,
          type: "text",
          spellcheck: "false",
          autocomplete: "off",
          placeholder: placeholder(arg.type),
        }),
      );
    }),
  );
}

/** The arguments by name, as the AIR expects them (?T as [] or [value]). */
export function readArguments(container, fn) {
  const args = {};
  for (const arg of fn.arguments) {
    const input = container.querySelector(`input[name="${CSS.escape(arg.name)}"]`);
    args[arg.name] = valueOf(arg, input ? input.value : "");
  }
  return args;
}

function valueOf(arg, text) {
  const optional = arg.type.startsWith("?");
  if (optional && text.trim() === "") return [];
  const inner = optional ? arg.type.slice(1) : arg.type;
  let value;
  if (inner === "string") {
    value = text;
  } else {
    if (text.trim() === "") throw new ArgumentError(`argument '${arg.name}' (${arg.type}) is empty: give a JSON value, e.g. ${placeholder(arg.type)}`);
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ArgumentError(`argument '${arg.name}' (${arg.type}) is not JSON: ${e.message}`);
    }
    check(arg, inner, value);
  }
  return optional ? [value] : value;
}

function check(arg, type, value) {
  const wrong = (what) => new ArgumentError(`argument '${arg.name}' (${arg.type}) must be ${what}, not ${JSON.stringify(value)}`);
  if (INTEGER.test(type)) {
    if (!Number.isInteger(value)) throw wrong("an integer");
    if (type.startsWith("u") && value < 0) throw wrong("an integer ≥ 0");
  } else if (FLOAT.test(type)) {
    if (typeof value !== "number") throw wrong("a number");
  } else if (type === "bool") {
    if (typeof value !== "boolean") throw wrong("true or false");
  } else if (/^(\[\]|\*)/.test(type)) {
    if (!Array.isArray(value)) throw wrong("a JSON array");
  }
}

function baseType(type) {
  return type.replace(/^\?/, "");
}

function placeholder(type) {
  const inner = baseType(type);
  const optional = type.startsWith("?") ? " (or empty)" : "";
  if (inner === "string") return `text${optional}`;
  if (INTEGER.test(inner)) return `42${optional}`;
  if (FLOAT.test(inner)) return `1.5${optional}`;
  if (inner === "bool") return `true${optional}`;
  if (/^(\[\]|\*)/.test(inner)) return `[]${optional}`;
  return `{…}${optional}`;
}
