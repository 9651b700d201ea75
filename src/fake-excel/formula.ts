/**
 * A deliberately small formula evaluator for the fake Excel: enough for the product's own formulas (the rate formula
 * =IF(OR(D9="",D9=0),"",IFERROR(ROUND(D11/D10*100,2),"")) and simple arithmetic a user might type). Anything it does
 * not know evaluates to "#NAME?", as Excel shows for an unknown function; it never guesses.
 * Pure: no Node-only APIs (the demo page runs it in the browser).
 */

export type Scalar = number | string | boolean;
export interface ErrorValue {
  readonly error: "#DIV/0!" | "#VALUE!" | "#NAME?" | "#REF!" | "#N/A" | "#NUM!";
}
export type FValue = Scalar | ErrorValue | null; // null = blank cell

export const isError = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && "error" in v;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet?: string; row: number; col: number }
  | { t: "id"; v: string }
  | { t: "op"; v: string }
  | { t: "("; } | { t: ")" } | { t: "," } | { t: ":" };

const REF_RE = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(])/;

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

class FormulaSyntaxError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") { i++; continue; }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') { s += '"'; j += 2; continue; }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const rest = src.slice(i);
    const ref = REF_RE.exec(rest);
    if (ref) {
      out.push({ t: "ref", sheet: ref[1]?.replace(/''/g, "'") ?? ref[2], row: Number(ref[4]) - 1, col: colNumber(ref[3]) });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) { out.push({ t: "num", v: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][\w.]*/.exec(rest);
    if (id) { out.push({ t: "id", v: id[0].toUpperCase() }); i += id[0].length; continue; }
    const two = rest.slice(0, 2);
    if (two === "<>" || two === "<=" || two === ">=") { out.push({ t: "op", v: two }); i += 2; continue; }
    if ("+-*/^&=<>".includes(ch)) { out.push({ t: "op", v: ch }); i++; continue; }
    if (ch === "(" || ch === ")" || ch === "," || ch === ":") { out.push({ t: ch } as Token); i++; continue; }
    throw new FormulaSyntaxError(`unexpected ${ch}`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; row: number; col: number }
  | { k: "range"; sheet?: string; r1: number; c1: number; r2: number; c2: number }
  | { k: "un"; op: string; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (...ops: string[]) => { const t = peek(); return t?.t === "op" && ops.includes(t.v); };
  const expect = (t: Token["t"]) => { if (peek()?.t !== t) throw new FormulaSyntaxError(`expected ${t}`); p++; };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (isOp(...ops)) { const op = (tokens[p++] as { v: string }).v; a = { k: "bin", op, a, b: next() }; }
    return a;
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num": return { k: "lit", v: t.v };
      case "str": return { k: "lit", v: t.v };
      case "ref": {
        if (peek()?.t === ":") {
          p++;
          const u = tokens[p++];
          if (u?.t !== "ref") throw new FormulaSyntaxError("bad range");
          return { k: "range", sheet: t.sheet, r1: Math.min(t.row, u.row), c1: Math.min(t.col, u.col), r2: Math.max(t.row, u.row), c2: Math.max(t.col, u.col) };
        }
        return { k: "ref", sheet: t.sheet, row: t.row, col: t.col };
      }
      case "id": {
        if (peek()?.t === "(") {
          p++;
          const args: Node[] = [];
          if (peek()?.t !== ")") {
            for (;;) { args.push(expr()); if (peek()?.t === ",") { p++; continue; } break; }
          }
          expect(")");
          return { k: "call", name: t.v, args };
        }
        if (t.v === "TRUE" || t.v === "FALSE") return { k: "lit", v: t.v === "TRUE" };
        return { k: "call", name: `#NAME:${t.v}`, args: [] };
      }
      case "(": { const e = expr(); expect(")"); return e; }
      case "op":
        if (t.v === "-" || t.v === "+") return { k: "un", op: t.v, a: unary() };
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      default: throw new FormulaSyntaxError(`unexpected ${t.t}`);
    }
  };
  const unary = (): Node => {
    if (isOp("-", "+")) { const op = (tokens[p++] as { v: string }).v; return { k: "un", op, a: unary() }; }
    return primary();
  };
  const power = level(["^"], unary);
  const term = level(["*", "/"], power);
  const additive = level(["+", "-"], term);
  const concat = level(["&"], additive);
  const expr: () => Node = level(["=", "<>", "<", ">", "<=", ">="], concat);
  const node = expr();
  if (p !== tokens.length) throw new FormulaSyntaxError("trailing tokens");
  return node;
}

/** Reads a cell for the evaluator: the sheet name is undefined for same-sheet references. */
export type CellReader = (sheet: string | undefined, row: number, col: number) => FValue;

const err = (e: ErrorValue["error"]): ErrorValue => ({ error: e });

function toNumber(v: FValue): number | ErrorValue {
  if (v === null || v === "") return 0;
  if (isError(v)) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = v.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return err("#VALUE!");
}

function toBool(v: FValue): boolean | ErrorValue {
  if (isError(v)) return v;
  if (v === null || v === "") return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return err("#VALUE!");
}

function toText(v: Scalar | null): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's ROUND: half away from zero, after Excel's 15-significant-digit view of the number. */
export function excelRound(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const v = Number(x.toPrecision(15));
  const sign = v < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(v)}e${d}`);
  const r = Number(`${Math.round(shifted)}e${-d}`);
  return sign * r;
}

function compare(op: string, a: FValue, b: FValue): boolean {
  // Excel: blank compares as "" against text and as 0 against numbers; text > numbers; case-insensitive text.
  const norm = (x: FValue, other: FValue): Scalar => {
    if (x === null) return typeof other === "number" ? 0 : typeof other === "boolean" ? false : "";
    return x as Scalar;
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string") {
    const l = x.toLowerCase();
    const r = (y as string).toLowerCase();
    c = l < r ? -1 : l > r ? 1 : 0;
  } else c = Number(x) - Number(y);
  switch (op) {
    case "=": return c === 0;
    case "<>": return c !== 0;
    case "<": return c < 0;
    case ">": return c > 0;
    case "<=": return c <= 0;
    default: return c >= 0;
  }
}

function evaluate(node: Node, read: CellReader): FValue {
  switch (node.k) {
    case "lit": return node.v;
    case "ref": return read(node.sheet, node.row, node.col);
    case "range": return err("#VALUE!");
    case "un": {
      const n = toNumber(evaluate(node.a, read));
      if (isError(n)) return n;
      return node.op === "-" ? -n : n;
    }
    case "bin": {
      const a = evaluate(node.a, read);
      const b = evaluate(node.b, read);
      if (isError(a)) return a;
      if (isError(b)) return b;
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) return compare(node.op, a, b);
      if (node.op === "&") return toText(a) + toText(b);
      const x = toNumber(a);
      const y = toNumber(b);
      if (isError(x)) return x;
      if (isError(y)) return y;
      switch (node.op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/": return y === 0 ? err("#DIV/0!") : x / y;
        default: { const r = Math.pow(x, y); return Number.isFinite(r) ? r : err("#NUM!"); }
      }
    }
    case "call": return call(node.name, node.args, read);
  }
}

function call(name: string, args: Node[], read: CellReader): FValue {
  const ev = (n: Node) => evaluate(n, read);
  switch (name) {
    case "IF": {
      if (args.length < 2 || args.length > 3) return err("#VALUE!");
      const c = toBool(ev(args[0]));
      if (isError(c)) return c;
      if (c) return ev(args[1]);
      return args.length === 3 ? ev(args[2]) : false;
    }
    case "OR":
    case "AND": {
      if (args.length === 0) return err("#VALUE!");
      const bools: boolean[] = [];
      for (const a of args) {
        const b = toBool(ev(a));
        if (isError(b)) return b;
        bools.push(b);
      }
      return name === "OR" ? bools.some(Boolean) : bools.every(Boolean);
    }
    case "NOT": {
      if (args.length !== 1) return err("#VALUE!");
      const b = toBool(ev(args[0]));
      return isError(b) ? b : !b;
    }
    case "IFERROR": {
      if (args.length !== 2) return err("#VALUE!");
      const v = ev(args[0]);
      return isError(v) ? ev(args[1]) : v;
    }
    case "ROUND": {
      if (args.length !== 2) return err("#VALUE!");
      const x = toNumber(ev(args[0]));
      const d = toNumber(ev(args[1]));
      if (isError(x)) return x;
      if (isError(d)) return d;
      return excelRound(x, d);
    }
    case "SUM": {
      let total = 0;
      for (const a of args) {
        if (a.k === "range") {
          for (let r = a.r1; r <= a.r2; r++)
            for (let c = a.c1; c <= a.c2; c++) {
              const v = read(a.sheet, r, c);
              if (isError(v)) return v;
              if (typeof v === "number") total += v; // SUM over a range ignores text and blanks
            }
        } else {
          const n = toNumber(ev(a));
          if (isError(n)) return n;
          total += n;
        }
      }
      return total;
    }
    default:
      return err("#NAME?");
  }
}

/** Parses a formula once; the result evaluates against any reader. A formula that does not parse gives "#NAME?". */
export function compileFormula(formula: string): (read: CellReader) => FValue {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  let node: Node;
  try {
    node = parse(tokenize(body));
  } catch {
    return () => err("#NAME?");
  }
  return (read) => evaluate(node, read);
}

/**
 * Moves the row numbers of unqualified references in a formula on `sheetName` itself (sameSheet) and of references naming `sheetName`, when rows are inserted
 * (count > 0) or deleted (count < 0) at `atRow` (0-based). A reference into deleted rows becomes #REF!.
 */
export function shiftFormulaRows(formula: string, sheetName: string, sameSheet: boolean, atRow: number, count: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      const j = formula.indexOf('"', i + 1);
      const end = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    const m = /[A-Za-z0-9_.$]/.test(prev) ? null : REF_RE.exec(formula.slice(i));
    if (m) {
      const sheet = m[1]?.replace(/''/g, "'") ?? m[2];
      const row = Number(m[4]) - 1;
      if ((sheet === undefined && sameSheet) || sheet === sheetName) {
        let newRow = row;
        if (count > 0 && row >= atRow) newRow = row + count;
        if (count < 0) {
          if (row >= atRow && row < atRow - count) { out += "#REF!"; i += m[0].length; continue; }
          if (row >= atRow - count) newRow = row + count;
        }
        const text = m[0];
        out += text.slice(0, text.length - m[4].length) + String(newRow + 1);
      } else out += m[0];
      i += m[0].length;
      continue;
    }
    out += formula[i++];
  }
  return out;
}
