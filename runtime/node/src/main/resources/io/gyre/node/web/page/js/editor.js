// The Aqua editor: a textarea the user types into, with the highlighted text drawn behind it
// (the textarea's own text is transparent) and a gutter of line numbers. Compile errors mark
// their line in the gutter and underline the text they point at.

import { el, replace } from "./dom.js";
import { tokenizeLine } from "./aqua-lexer.js";

const INDENT = "    ";

export class Editor {
  /** @param {{textarea: HTMLTextAreaElement, highlight: HTMLElement, gutter: HTMLElement}} parts */
  constructor({ textarea, highlight, gutter }) {
    this.textarea = textarea;
    this.highlight = highlight;
    this.gutter = gutter;
    this.marks = [];
    this.listeners = [];
    textarea.addEventListener("input", () => this.changed());
    textarea.addEventListener("scroll", () => this.syncScroll());
    textarea.addEventListener("keydown", (e) => this.onKey(e));
    this.render();
  }

  get text() {
    return this.textarea.value;
  }

  set text(value) {
    this.textarea.value = value;
    this.changed();
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  /** Marks diagnostics [{line, column, length, message, severity}] of this file. */
  mark(diagnostics) {
    this.marks = diagnostics.filter((d) => d.line > 0);
    this.render();
  }

  /** Puts the caret at the start of a line (1-based) and shows it. */
  goToLine(line) {
    const lines = this.text.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 18;
    this.textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
    this.syncScroll();
  }

  changed() {
    this.render();
    for (const listener of this.listeners) listener(this.text);
  }

  render() {
    const lines = this.text.split("\n");
    const byLine = new Map();
    for (const mark of this.marks) {
      if (!byLine.has(mark.line)) byLine.set(mark.line, []);
      byLine.get(mark.line).push(mark);
    }
    replace(this.highlight, lines.map((line, i) => this.lineView(line, i + 1, byLine.get(i + 1) || [])));
    replace(
      this.gutter,
      lines.map((_, i) => {
        const marks = byLine.get(i + 1) || [];
        const severity = marks.some((m) => m.severity !== "warning") ? "error" : marks.length ? "warning" : "";
        return el(
          "div",
          { class: `line-number ${severity}`.trim(), "data-line": i + 1, title: marks.map((m) => m.message).join("\n") || false },
          String(i + 1),
        );
      }),
    );
    this.syncScroll();
  }

  lineView(line, number, marks) {
    const underline = marks.length ? marks[0] : null;
    const from = underline ? underline.column - 1 : -1;
    const to = underline ? from + Math.max(1, underline.length || 1) : -1;
    const spans = [];
    let at = 0;
    for (const token of tokenizeLine(line)) {
      spans.push(...this.tokenViews(token, at, from, to));
      at += token.text.length;
    }
    if (underline && from >= line.length) spans.push(el("span", { class: "mark" }, " "));
    const classes = ["line"];
    if (marks.some((m) => m.severity !== "warning")) classes.push("error");
    else if (marks.length) classes.push("warning");
    return el("div", { class: classes.join(" "), "data-line": number }, spans.length ? spans : "\u200b");
  }

  /** A token as spans, the part inside [from, to) marked. */
  tokenViews(token, start, from, to) {
    const end = start + token.text.length;
    const cls = `tok-${token.type}`;
    if (from < 0 || end <= from || start >= to) return [el("span", { class: cls }, token.text)];
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    return [
      a > 0 ? el("span", { class: cls }, token.text.slice(0, a)) : null,
      el("span", { class: `${cls} mark` }, token.text.slice(a, b)),
      b < token.text.length ? el("span", { class: cls }, token.text.slice(b)) : null,
    ].filter(Boolean);
  }

  syncScroll() {
    this.highlight.scrollTop = this.textarea.scrollTop;
    this.highlight.scrollLeft = this.textarea.scrollLeft;
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  onKey(e) {
    if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      if (e.shiftKey) this.dedent();
      else this.insert(INDENT);
    }
  }

  insert(text) {
    const { selectionStart: s, selectionEnd: t, value } = this.textarea;
    this.textarea.value = value.slice(0, s) + text + value.slice(t);
    this.textarea.setSelectionRange(s + text.length, s + text.length);
    this.changed();
  }

  dedent() {
    const { selectionStart: s, value } = this.textarea;
    const lineStart = value.lastIndexOf("\n", s - 1) + 1;
    const spaces = value.slice(lineStart).match(/^ {1,4}/);
    if (!spaces) return;
    const n = spaces[0].length;
    this.textarea.value = value.slice(0, lineStart) + value.slice(lineStart + n);
    const caret = Math.max(lineStart, s - n);
    this.textarea.setSelectionRange(caret, caret);
    this.changed();
  }
}
