#!/usr/bin/env node
/*
 * npm run validate [-- path/to/manifest.xml] [-- --online]
 *
 * Checks the add-in manifest offline. office-addin-manifest's own `validate` posts the file to Microsoft's
 * validation web service, which is not reachable here (nor from many government networks), so by default this:
 *   1. reads the manifest with office-addin-manifest (the XML parser Office tooling uses; a malformed file or a
 *      missing Id/Version/DisplayName fails here),
 *   2. checks, with xml2js, the parts of the official schema (OfficeAppManifestV1_1.xsd,
 *      TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd) this manifest relies on: root type and
 *      namespace, the order of the top-level elements and of the children of every container below (CHILD_ORDER),
 *      GUID Id, four-part Version, string lengths (DisplayName 125, Description 250 — the limit AppSource and the
 *      admin center enforce, https://learn.microsoft.com/javascript/api/manifest/description —, ShortString 125,
 *      LongString 250, resid 32), well-formed locale tags in Override, HTTPS URLs,
 *      Permissions = ReadWriteDocument only, unique control ids, every resid resolving to a resource of the right
 *      kind, the ribbon on TabHome with one ShowTaskpane and one ExecuteFunction button,
 *   3. checks what the schema cannot: every icon URL names a PNG in assets/ of the declared size, every URL is on the
 *      SourceLocation's origin, and the ExecuteFunction's FunctionName is the name src/commands/commands.ts registers
 *      with registerCommand (src/excel/office.ts: Office.actions.associate).
 * The XSD files themselves are not vendored. With --online it also runs office-addin-manifest's web-service check.
 * Exits 1 with one line per problem.
 */
const { readFileSync, existsSync } = require("fs");
const { join, resolve, dirname } = require("path");
const xml2js = require("xml2js");
const { OfficeAddinManifest } = require("office-addin-manifest");

const args = process.argv.slice(2);
const online = args.includes("--online");
const manifestPath = resolve(args.find((a) => !a.startsWith("--")) ?? join(__dirname, "..", "manifest.xml"));
const root = join(__dirname, "..");
const problems = [];
const fail = (msg) => problems.push(msg);

const TOP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "AllowSnapshot", "WebApplicationInfo", "Dictionary", "VersionOverrides",
];
/**
 * xs:sequence order of the containers this manifest uses (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd):
 * Office rejects a manifest whose elements are out of this order, even when each element is valid.
 */
const CHILD_ORDER = {
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  Requirements: ["Sets", "Methods"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint", "SupportsSharedFolders"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning", "FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function local(name) {
  return name.replace(/^.*:/, "");
}

/** Every element under `node` (xml2js, preserveChildrenOrder) with its local name, depth first. */
function* walk(node, path = []) {
  for (const child of node.$$ ?? []) {
    const name = local(child["#name"]);
    yield { name, node: child, path: [...path, name] };
    yield* walk(child, [...path, name]);
  }
}

function attr(node, name) {
  const a = node.$ ?? {};
  for (const k of Object.keys(a)) if (local(k) === name) return a[k];
  return undefined;
}

function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG") return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

async function main() {
  // 1. office-addin-manifest's reader.
  const info = await OfficeAddinManifest.readManifestFile(manifestPath);
  if (!info.id) fail("Id: thiếu / missing");
  if (!info.displayName) fail("DisplayName: thiếu / missing");

  // 2. schema-level checks.
  const text = readFileSync(manifestPath, "utf8");
  const doc = await xml2js.parseStringPromise(text, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false });
  const app = doc.OfficeApp;
  if (!app) throw new Error("root element must be OfficeApp");
  if (attr(app, "xmlns") !== "http://schemas.microsoft.com/office/appforoffice/1.1") fail("OfficeApp: namespace must be appforoffice/1.1");
  if (attr(app, "type") !== "TaskPaneApp") fail("OfficeApp: xsi:type must be TaskPaneApp");

  const top = (app.$$ ?? []).map((c) => local(c["#name"]));
  let last = -1;
  for (const name of top) {
    const i = TOP_ORDER.indexOf(name);
    if (i < 0) fail(`OfficeApp/${name}: element not allowed here`);
    else if (i < last) fail(`OfficeApp/${name}: out of schema order (expected ${TOP_ORDER.join(", ")})`);
    last = Math.max(last, i);
  }
  for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Hosts", "DefaultSettings", "Permissions"])
    if (!top.includes(required)) fail(`OfficeApp/${required}: required`);
  const one = (name) => (app.$$ ?? []).find((c) => local(c["#name"]) === name);
  const val = (name) => one(name)?._?.trim();

  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(val("Id") ?? "")) fail("Id: must be a GUID");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(val("Version") ?? "")) fail("Version: must be n.n.n.n");
  if (!LOCALE.test(val("DefaultLocale") ?? "")) fail("DefaultLocale: not a locale tag");
  if (val("Permissions") !== "ReadWriteDocument") fail(`Permissions: must be ReadWriteDocument only (is ${val("Permissions")})`);
  const limits = { DisplayName: 125, Description: 250 };
  for (const [name, max] of Object.entries(limits)) {
    const el = one(name);
    const values = [attr(el ?? {}, "DefaultValue"), ...(el?.$$ ?? []).map((o) => attr(o, "Value"))];
    for (const v of values) if (!v || v.length > max) fail(`${name}: empty or longer than ${max} characters`);
  }

  const source = attr(one("DefaultSettings")?.$$?.find((c) => local(c["#name"]) === "SourceLocation") ?? {}, "DefaultValue") ?? "";
  let origin = "";
  try {
    origin = new URL(source).origin;
  } catch {
    fail("DefaultSettings/SourceLocation: not a URL");
  }

  // Children of each known container in schema order (a repeated element may repeat; going back is an error).
  for (const { name, node, path } of walk(app)) {
    const order = CHILD_ORDER[name];
    if (!order) continue;
    let at = -1;
    for (const child of node.$$ ?? []) {
      const c = local(child["#name"]);
      const i = order.indexOf(c);
      if (i < 0) continue;
      if (i < at) fail(`${path.join("/")}/${c}: out of schema order (expected ${order.join(", ")})`);
      at = Math.max(at, i);
    }
  }

  // Resources by kind, and every element referring to them.
  const resources = { Image: new Map(), Url: new Map(), ShortString: new Map(), LongString: new Map() };
  const groups = { Images: "Image", Urls: "Url", ShortStrings: "ShortString", LongStrings: "LongString" };
  const all = [...walk(app)];
  for (const { name, node, path } of all) {
    const parent = path[path.length - 2];
    if (path.includes("Resources") && groups[parent] && (name === "Image" || name === "Url" || name === "String")) {
      const id = attr(node, "id");
      const kind = groups[parent];
      if (!id || id.length > 32) fail(`Resources/${parent}: id "${id}" missing or longer than 32 characters`);
      if (resources[kind].has(id)) fail(`Resources/${parent}: duplicate id ${id}`);
      const max = kind === "ShortString" ? 125 : kind === "LongString" ? 250 : 2048;
      const values = [attr(node, "DefaultValue"), ...(node.$$ ?? []).map((o) => attr(o, "Value"))];
      for (const v of values) if (!v || v.length > max) fail(`Resources/${id}: empty or longer than ${max} characters`);
      resources[kind].set(id, attr(node, "DefaultValue"));
    }
    if (name === "Override") {
      const loc = attr(node, "Locale");
      if (!loc || !LOCALE.test(loc)) fail(`${path.join("/")}: Locale "${loc}" is not a locale tag`);
    }
  }
  const expectKind = { Image: "Image", SourceLocation: "Url", FunctionFile: "Url", LearnMoreUrl: "Url", Label: "ShortString", Title: "ShortString", Description: "LongString" };
  for (const { name, node, path } of all) {
    const resid = attr(node, "resid");
    if (resid === undefined) continue;
    const kind = expectKind[name];
    if (!kind) fail(`${path.join("/")}: unexpected resid`);
    else if (!resources[kind].has(resid)) fail(`${path.join("/")}: resid "${resid}" has no ${kind} resource`);
  }

  const ids = new Set();
  const controls = [];
  for (const { name, node, path } of all) {
    if (name === "Control" || name === "Group") {
      const id = attr(node, "id");
      if (!id || ids.has(id)) fail(`${path.join("/")}: id "${id}" missing or not unique`);
      ids.add(id);
    }
    if (name === "Control") controls.push(node);
    if (name === "OfficeTab" && attr(node, "id") !== "TabHome") fail("OfficeTab: the group belongs on TabHome");
  }
  const actions = controls.map((c) => (c.$$ ?? []).find((e) => local(e["#name"]) === "Action")).filter(Boolean);
  const showTaskpane = actions.filter((a) => attr(a, "type") === "ShowTaskpane");
  const execute = actions.filter((a) => attr(a, "type") === "ExecuteFunction");
  if (showTaskpane.length !== 1 || execute.length !== 1) fail("Ribbon: expected one ShowTaskpane and one ExecuteFunction button");
  const functionNames = execute.map((a) => (a.$$ ?? []).find((e) => local(e["#name"]) === "FunctionName")?._?.trim());
  if (execute.length && !all.some((e) => e.name === "FunctionFile")) fail("FunctionFile: required for ExecuteFunction");

  // 3. beyond the schema.
  const urls = [
    source,
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((n) => attr(one(n) ?? {}, "DefaultValue")).filter(Boolean),
    ...resources.Image.values(),
    ...resources.Url.values(),
  ];
  for (const u of urls) {
    if (!/^https:\/\//.test(u)) fail(`URL ${u}: must be https`);
    else if (origin && new URL(u).origin !== origin) fail(`URL ${u}: not on ${origin}`);
  }
  const iconChecks = [
    [attr(one("IconUrl") ?? {}, "DefaultValue"), 32],
    [attr(one("HighResolutionIconUrl") ?? {}, "DefaultValue"), 64],
  ];
  for (const { name, node } of all) {
    if (name !== "Image" || !attr(node, "size")) continue;
    iconChecks.push([resources.Image.get(attr(node, "resid")), Number(attr(node, "size"))]);
  }
  for (const [url, size] of iconChecks) {
    if (!url) continue;
    const rel = new URL(url).pathname.replace(/^.*?\/assets\//, "assets/");
    const file = [join(dirname(manifestPath), rel), join(root, rel)].find((f) => existsSync(f));
    if (!file) fail(`${url}: no file ${rel}`);
    else {
      const dims = pngSize(file);
      if (!dims || dims[0] !== size || dims[1] !== size) fail(`${rel}: expected a ${size}×${size} PNG, found ${dims ? dims.join("×") : "not a PNG"}`);
    }
  }
  const commands = join(root, "src", "commands", "commands.ts");
  if (existsSync(commands)) {
    const src = readFileSync(commands, "utf8");
    for (const fn of functionNames)
      if (!new RegExp(`(?:Office\\.actions\\.associate|registerCommand)\\(\\s*["']${fn}["']`).test(src))
        fail(`FunctionName ${fn}: src/commands/commands.ts does not register "${fn}" (registerCommand / Office.actions.associate)`);
  } else {
    console.log(`(src/commands/commands.ts not present yet: FunctionName ${functionNames.join(", ")} not cross-checked)`);
  }

  if (online) {
    const { validateManifest } = require("office-addin-manifest/lib/validate");
    const result = await validateManifest(manifestPath);
    if (!result.isValid) fail(`online validation service: ${JSON.stringify(result.report?.errors ?? result.statusText)}`);
  }

  if (problems.length) {
    console.error(`Manifest ${manifestPath}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ✖ ${p}`);
    process.exit(1);
  }
  console.log(`Manifest ${manifestPath}: hợp lệ / valid (${info.displayName} ${info.version}, ${controls.length} ribbon buttons, checked offline${online ? " and online" : ""})`);
}

main().catch((e) => {
  console.error(`Manifest ${manifestPath}: ${e.message}`);
  process.exit(1);
});
