/**
 * Workbook-level proxies beyond sheets and names: the application (calculation mode, calculate), Protect Workbook
 * (structure) and custom XML parts (where the add-in keeps the office's template set with the file).
 *   Application.calculationMode, calculate(): ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.application)
 *   Workbook.protection: ExcelApi 1.7 (https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection)
 *   Workbook.customXmlParts: ExcelApi 1.5 (https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection)
 */
import type { FakeRequestContext } from "./api";
import { ClientObject, notLoaded } from "./client";
import { FakeExcelError } from "./model";

export class WorkbookApplication extends ClientObject {
  protected scalarNames(): readonly string[] { return ["calculationMode"]; }
  protected readScalar(): unknown { return this.ctx.book.calculationMode; }
  get calculationMode(): string { return this.got("calculationMode"); }
  /** "Recalculate", "Full" or "FullRebuild": the fake computes every formula afresh for all three. */
  calculate(calculationType: string): void {
    this.ctx.op(() => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw new FakeExcelError("InvalidArgument", `Unknown calculation type "${calculationType}".`);
      this.ctx.book.calculate();
    });
  }
}

export class WorkbookProtection extends ClientObject {
  protected scalarNames(): readonly string[] { return ["protected"]; }
  protected readScalar(): unknown { return this.ctx.book.structureProtected; }
  get protected(): boolean { return this.got("protected"); }
}

/** A value a method returns (e.g. CustomXmlPart.getXml()): readable after the next sync. */
export class FakeClientResult<T> {
  private ready = false;
  private v: T | undefined;
  constructor(ctx: FakeRequestContext, compute: () => T) {
    const value = ctx.op(compute);
    const bornAt = ctx.syncs;
    Object.defineProperty(this, "value", {
      get: () => {
        if (!this.ready && ctx.syncs <= bornAt) throw notLoaded("value");
        this.ready = true;
        return this.v;
      },
    });
    this.v = value;
  }
  declare readonly value: T;
}

function namespaceOf(xml: string): string {
  // The fake reads the root element's default namespace only (what the add-in writes); Excel parses the whole part.
  const root = /<([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  const ns = root?.[2] ? /\sxmlns\s*=\s*"([^"]*)"/.exec(root[2]) : null;
  return ns?.[1] ?? "";
}

export class CustomXmlPart extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly _id: string, isNull = false) {
    super(ctx, isNull);
  }
  private part() {
    const p = this.ctx.book.customXmlParts.find((x) => x.id === this._id);
    if (!p) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist: custom XML part.");
    return p;
  }
  protected scalarNames(): readonly string[] { return ["id", "namespaceUri"]; }
  protected readScalar(name: string): unknown {
    const p = this.part();
    return name === "id" ? p.id : namespaceOf(p.xml);
  }
  get id(): string { return this.got("id"); }
  get namespaceUri(): string { return this.got("namespaceUri"); }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.ctx, () => this.part().xml);
  }
  setXml(xml: string): void {
    this.ctx.send(xml);
    this.ctx.op(() => { this.part().xml = xml; });
  }
  delete(): void {
    this.ctx.op(() => {
      this.part();
      this.ctx.book.customXmlParts = this.ctx.book.customXmlParts.filter((x) => x.id !== this._id);
    });
  }
}

abstract class PartList extends ClientObject {
  private _items: CustomXmlPart[] | null = null;
  private _pendingItems: CustomXmlPart[] | null = null;
  protected abstract ids(): string[];
  protected scalarNames(): readonly string[] { return []; }
  protected readScalar(): unknown { return undefined; }
  override load(): this {
    this.ctx.op(() => {
      this._pendingItems = this.ids().map((id) => new CustomXmlPart(this.ctx, id));
      for (const item of this._pendingItems) item.load();
      this.ctx.queueLoad(this);
    });
    return this;
  }
  override _promote(): void {
    super._promote();
    if (this._pendingItems) this._items = this._pendingItems;
    this._pendingItems = null;
  }
  get items(): CustomXmlPart[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
}

export class CustomXmlPartScopedCollection extends PartList {
  constructor(ctx: FakeRequestContext, private readonly namespaceUri: string) {
    super(ctx);
  }
  protected ids(): string[] {
    return this.ctx.book.customXmlParts.filter((p) => namespaceOf(p.xml) === this.namespaceUri).map((p) => p.id);
  }
  /** The only part in this namespace; a null object when there is none; ItemNotFound-like error when several. */
  getOnlyItemOrNullObject(): CustomXmlPart {
    const ids = this.ids();
    if (ids.length > 1)
      this.ctx.op(() => { throw new FakeExcelError("InvalidOperation", "More than one custom XML part has this namespace."); });
    return new CustomXmlPart(this.ctx, ids[0] ?? "", ids.length !== 1);
  }
}

export class CustomXmlPartCollection extends PartList {
  private static nextId = 1;
  protected ids(): string[] {
    return this.ctx.book.customXmlParts.map((p) => p.id);
  }
  add(xml: string): CustomXmlPart {
    this.ctx.send(xml);
    const id = `{part-${CustomXmlPartCollection.nextId++}}`;
    this.ctx.op(() => {
      if (!xml.trim().startsWith("<")) throw new FakeExcelError("InvalidArgument", "The XML is not well formed.");
      this.ctx.book.customXmlParts.push({ id, xml });
    });
    return new CustomXmlPart(this.ctx, id);
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.ctx, namespaceUri);
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.ctx, id, !this.ctx.book.customXmlParts.some((p) => p.id === id));
  }
}
