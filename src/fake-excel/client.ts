/**
 * The base of every fake Office.js proxy: load() queues reads that become readable after context.sync(), reading a
 * property before that throws PropertyNotLoaded, as in Office.js. Kept apart from ./api.ts so that the proxies in
 * ./workbook-extras.ts can extend it without an import cycle.
 */
import { FakeExcelError } from "./model";
import { payloadBytes } from "./strict";
import type { FakeRequestContext } from "./api";

export type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const text = Array.isArray(spec) ? spec.join(",") : typeof spec === "string" ? spec : [spec.select, spec.expand].filter(Boolean).join(",");
  const paths = text.split(",").map((s) => s.trim()).filter(Boolean);
  return paths.length ? paths : null;
}

export function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export abstract class ClientObject {
  private _loaded = new Map<string, unknown>();
  private _pending = new Map<string, unknown>();
  private readonly _bornAt: number;
  constructor(protected readonly ctx: FakeRequestContext, protected readonly _null = false) {
    this._bornAt = ctx.syncs;
  }
  get context(): FakeRequestContext {
    return this.ctx;
  }
  /** Scalar properties load() may read. */
  protected abstract scalarNames(): readonly string[];
  protected abstract readScalar(name: string): unknown;
  /** Navigation properties (child proxies) load() may reach into with "child/prop". */
  protected nav(_name: string): ClientObject | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.ctx.syncs <= this._bornAt) throw notLoaded("isNullObject");
    return this._null;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec) ?? this.scalarNames().map((s) => s);
    this.ctx.op(() => {
      if (this._null) return;
      for (const path of paths) {
        const [head, ...rest] = path.split("/");
        if (rest.length) {
          const child = this.nav(head);
          if (!child) throw new FakeExcelError("InvalidArgument", `Cannot load "${path}".`);
          child.load(rest.join("/"));
          continue;
        }
        if (this.scalarNames().includes(head)) this._pending.set(head, this.readScalar(head));
        else if (this.nav(head)) this.nav(head)!.load();
        else throw new FakeExcelError("InvalidArgument", `Unknown property "${head}".`);
      }
      this.ctx.queueLoad(this);
    });
    return this;
  }

  _promote(): void {
    for (const [k, v] of this._pending) this._loaded.set(k, v);
    this._pending.clear();
  }
  _dropPending(): void {
    this._pending.clear();
  }
  _pendingBytes(): number {
    let n = 0;
    for (const v of this._pending.values()) n += payloadBytes(v);
    return n;
  }
  protected got<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as T;
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

