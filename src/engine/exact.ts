/**
 * Exact decimal arithmetic. A Dec is m / 10^s with m an integer: a safe-integer number while it fits, a BigInt when
 * it does not. Every operation is exact (no float is ever compared); the number path is only taken when the result
 * is provably exact (Number.isSafeInteger of the product or sum), otherwise BigInt takes over.
 */
export type Int = number | bigint;

export interface Dec {
  readonly m: Int;
  readonly s: number;
}

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);

export function pow10(k: number): Int {
  return k <= 15 ? POW10[k] : 10n ** BigInt(k);
}

function big(a: Int): bigint {
  return typeof a === "bigint" ? a : BigInt(a);
}

export function imul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    if (Number.isSafeInteger(p)) return p;
  }
  return big(a) * big(b);
}

export function iadd(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const p = a + b;
    if (Number.isSafeInteger(p)) return p;
  }
  return big(a) + big(b);
}

export function ineg(a: Int): Int {
  return typeof a === "number" ? -a : -a;
}

export function isign(a: Int): -1 | 0 | 1 {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

export function icmp(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Floor division and remainder for b > 0. */
export function idivmod(a: Int, b: Int): [Int, Int] {
  if (typeof a === "number" && typeof b === "number") {
    let q = Math.floor(a / b);
    let r = a - q * b;
    // For |a|, |b| < 2^53 the float quotient is within one of the truth; the remainder settles it.
    if (r < 0) {
      q -= 1;
      r += b;
    } else if (r >= b) {
      q += 1;
      r -= b;
    }
    return [q, r];
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  let r = A - q * B;
  if (r < 0n) {
    q -= 1n;
    r += B;
  }
  return [q, r];
}

export const ZERO: Dec = { m: 0, s: 0 };

export function decInt(n: Int): Dec {
  return { m: n, s: 0 };
}

/** Exact decimal of a finite double, through its shortest round-trip text (what Excel and JS both display). */
export function decFromNumber(x: number): Dec | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isSafeInteger(x)) return { m: x === 0 ? 0 : x, s: 0 };
  // Fast path: the fewest decimals s whose m / 10^s reads back as x (m and 10^s exact, the division correctly
  // rounded) is the shortest round-trip text String(x) would give.
  const ax = Math.abs(x);
  if (ax < 1e9) {
    for (let s = 1; s <= 6; s++) {
      const p = POW10[s];
      const m = Math.round(x * p);
      if (m / p === x) return { m, s };
    }
  }
  return decFromString(String(x));
}

const DEC_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a canonical decimal ("-12.50", "1e-7", "52414"); returns null for anything else. */
export function decFromString(text: string): Dec | null {
  const m = DEC_RE.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const digits = (m[2] + (m[3] ?? "")).replace(/^0+(?=\d)/, "");
  let s = (m[3] ?? "").length - (m[4] ? Number(m[4]) : 0);
  let coef: Int = digits.length <= 15 ? Number(digits) : BigInt(digits);
  if (s < 0) {
    coef = imul(coef, pow10(-s));
    s = 0;
  }
  if (s > 400) return null;
  if (m[1] === "-") coef = ineg(coef);
  return { m: coef, s };
}

/** Same value with s decimals (s ≥ d.s). */
export function rescale(d: Dec, s: number): Dec {
  return s === d.s ? d : { m: imul(d.m, pow10(s - d.s)), s };
}

/** a.m scaled to s decimals (s ≥ a.s), as an Int: no Dec is made for it. */
function mAt(a: Dec, s: number): Int {
  return s === a.s ? a.m : imul(a.m, pow10(s - a.s));
}

export function decAdd(a: Dec, b: Dec): Dec {
  const s = a.s > b.s ? a.s : b.s;
  return { m: iadd(mAt(a, s), mAt(b, s)), s };
}

export function decSub(a: Dec, b: Dec): Dec {
  const s = a.s > b.s ? a.s : b.s;
  return { m: iadd(mAt(a, s), ineg(mAt(b, s))), s };
}

export function decNeg(a: Dec): Dec {
  return { m: ineg(a.m), s: a.s };
}

export function decMul(a: Dec, b: Dec): Dec {
  return { m: imul(a.m, b.m), s: a.s + b.s };
}

export function decAbs(a: Dec): Dec {
  return a.m < 0 ? decNeg(a) : a;
}

export function decCmp(a: Dec, b: Dec): -1 | 0 | 1 {
  if (a.s === b.s) return icmp(a.m, b.m);
  const s = a.s > b.s ? a.s : b.s;
  return icmp(mAt(a, s), mAt(b, s));
}

export function decIsInteger(d: Dec): boolean {
  if (d.s === 0) return true;
  // A safe integer's remainder is exact in floating point.
  if (typeof d.m === "number" && d.s <= 15) return d.m % POW10[d.s] === 0;
  return idivmod(d.m, pow10(d.s))[1] == 0;
}

export function decSign(d: Dec): -1 | 0 | 1 {
  return isign(d.m);
}

/** Number of decimals actually used (trailing zeros ignored). */
export function decPlaces(d: Dec): number {
  let s = d.s;
  let m = d.m;
  if (typeof m === "number") {
    // Exact for a safe integer: m % 10 and (m - r) / 10 are computed without rounding.
    while (s > 0) {
      const r = m % 10;
      if (r !== 0) break;
      m = m / 10;
      s--;
    }
    return s;
  }
  while (s > 0) {
    const [q, r] = idivmod(m, 10);
    if (r != 0) break;
    m = q;
    s--;
  }
  return s;
}

/** Canonical text: "-96.55", "52414", "62.5" (trailing zeros dropped) or with `fixed` decimals kept ("62.50"). */
export function decToString(d: Dec, fixed?: number): string {
  // Fast path: a safe-integer coefficient with few decimals, formatted with integer arithmetic.
  if (typeof d.m === "number" && d.s <= 15) {
    const m = d.m;
    const s = d.s;
    if (s === 0) return fixed ? `${m}.${"0".repeat(fixed)}` : String(m);
    const p = POW10[s];
    const a = m < 0 ? -m : m;
    const int = Math.floor(a / p);
    let frac = a - int * p;
    let places = s;
    if (fixed === undefined) {
      while (places > 0 && frac % 10 === 0) {
        frac /= 10;
        places--;
      }
    } else if (fixed > s) {
      frac *= POW10[fixed - s];
      places = fixed;
    }
    const sign = m < 0 && (int !== 0 || frac !== 0) ? "-" : "";
    if (places === 0) return sign + String(int);
    return `${sign}${int}.${String(frac).padStart(places, "0")}`;
  }
  let v = d;
  if (fixed !== undefined && fixed > v.s) v = rescale(v, fixed);
  const neg = v.m < 0;
  let digits = String(neg ? ineg(v.m) : v.m);
  let s = v.s;
  if (fixed === undefined) {
    while (s > 0 && digits.endsWith("0") && digits.length > 1) {
      digits = digits.slice(0, -1);
      s--;
    }
    if (digits === "0") s = 0;
  }
  if (s > 0) {
    digits = digits.padStart(s + 1, "0");
    digits = `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  }
  return (neg && digits !== "0" ? "-" : "") + digits;
}

/** A value a person reads back (for messages and the JSON output): a JS number only when it is exact enough. */
export function decToNumber(d: Dec): number {
  return Number(decToString(d));
}

/**
 * The exact quotient n × scale / d, rounded half away from zero to `decimals` places (Excel's ROUND), and whether the
 * exact value lies exactly half-way (a tie). d must be non-zero.
 */
export function roundQuotient(n: Dec, d: Dec, scale: number, decimals: number): { value: Dec; tie: boolean; exact: Dec | null } {
  // n/d = (n.m/10^n.s) / (d.m/10^d.s) = n.m·10^d.s / (d.m·10^n.s)
  let num = imul(imul(n.m, pow10(d.s)), imul(scale, pow10(decimals)));
  let den = imul(d.m, pow10(n.s));
  if (den < 0) {
    num = ineg(num);
    den = ineg(den);
  }
  const neg = num < 0;
  const absNum = neg ? ineg(num) : num;
  // round half away from zero: floor((2·|num| + den) / (2·den))
  const [q, r] = idivmod(iadd(imul(absNum, 2), den), imul(den, 2));
  const tie = r == 0;
  const m = neg ? ineg(q) : q;
  // A tie means |num|/den = q − ½ exactly, i.e. (10q − 5)·10^-(decimals+1).
  let exact: Dec | null = null;
  if (tie) {
    const e = iadd(imul(q, 10), -5);
    exact = { m: neg ? ineg(e) : e, s: decimals + 1 };
  }
  return { value: { m, s: decimals }, tie, exact };
}

/**
 * XBRL Calculations 1.1 interval rule: a value reported with p decimals stands for [v − ½·10^-p, v + ½·10^-p].
 * True when n × scale / d lies in the closed interval of `reported` at p decimals. d must be positive.
 */
export function quotientWithin(reported: Dec, p: number, n: Dec, d: Dec, scale: number): boolean {
  // |n·scale − r·d| ≤ d / (2·10^p)  ⇔  2·10^p·|n·scale − r·d| ≤ d
  const diff = decSub(decMul(n, decInt(scale)), decMul(reported, d));
  const lhs = decMul(decAbs(diff), decInt(imul(2, pow10(p))));
  return decCmp(lhs, decAbs(d)) <= 0;
}

/** ½·10^-p as a Dec (the half-width of a value's rounding interval). */
export function halfUlp(p: number): Dec {
  return { m: 5, s: p + 1 };
}
