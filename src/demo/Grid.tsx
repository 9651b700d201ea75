/**
 * The simulated workbook of the demo: sheet tabs, a formula bar and a grid drawn from the in-memory fake Excel
 * (src/fake-excel), editable as in Excel: select a cell and type (Enter/Tab commit, Esc cancels, F2 or double-click
 * edits, Delete clears, arrows move), Ctrl+V pastes tab-separated text (bypassing data validation, as Excel's paste
 * does). A value that breaks the cell's data validation gets Excel's stop alert, with the Vietnamese message the
 * add-in wrote.
 */
import * as React from "react";
import type { FakeHost, FakeSheet } from "../fake-excel";
import { parseAddress, rectAddress } from "../fake-excel";
import type { CellFormat, Rect } from "../fake-excel/model";

export interface GridProps {
  fake: FakeHost;
  /** Bumped by the demo whenever the add-in changed the workbook. */
  version: number;
  /** Called after the user changed a cell. */
  onEdited: () => void;
}

const MIN_ROWS = 40;
const MIN_COLS = 8;
const PX_PER_POINT = 4 / 3;

function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellStyle(format: CellFormat | undefined): React.CSSProperties {
  if (!format) return {};
  const border = (edge: "top" | "bottom" | "left" | "right"): string | undefined => {
    const b = format.borders?.[edge];
    if (!b || b.style === "None") return undefined;
    return `1px ${b.style === "Dash" ? "dashed" : "solid"} ${b.color ?? "#000"}`;
  };
  return {
    fontFamily: format.font?.name ? `"${format.font.name}", serif` : undefined,
    fontSize: format.font?.size ? `${format.font.size * PX_PER_POINT * 0.8}px` : undefined,
    fontWeight: format.font?.bold ? 700 : undefined,
    fontStyle: format.font?.italic ? "italic" : undefined,
    color: format.font?.color,
    background: format.fill,
    textAlign: format.hAlign === "Center" || format.hAlign === "CenterAcrossSelection" ? "center" : format.hAlign === "Right" ? "right" : format.hAlign === "Left" ? "left" : undefined,
    verticalAlign: format.vAlign === "Top" ? "top" : format.vAlign === "Bottom" ? "bottom" : "middle",
    whiteSpace: format.wrap ? "pre-wrap" : "nowrap",
    borderTop: border("top"),
    borderBottom: border("bottom"),
    borderLeft: border("left"),
    borderRight: border("right"),
  };
}

interface Alert {
  title: string;
  message: string;
  address: string;
  text: string;
}

export function Grid({ fake, version, onEdited }: GridProps): React.JSX.Element {
  const book = fake.book;
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  const [editing, setEditing] = React.useState<{ address: string; text: string } | null>(null);
  const [alert, setAlert] = React.useState<Alert | null>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);

  const sheets = book.sheets.filter((s) => s.visibility === "Visible");
  const sheet: FakeSheet | undefined = sheets.find((s) => s.id === book.activeSheetId) ?? sheets[0];
  const selected = book.selection && sheet && book.selection.sheetId === sheet.id ? parseAddress(book.selection.address) : null;
  const cursor = selected ? rectAddress({ r1: selected.r1, c1: selected.c1, r2: selected.r1, c2: selected.c1 }) : null;

  React.useEffect(() => {
    // Bring the cell the add-in selected (e.g. a finding clicked in the pane) into view.
    if (cursor) gridRef.current?.querySelector(`[data-address="${cursor}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [version, cursor]);

  if (!sheet) return <div className="demo-grid-empty">(không có trang tính)</div>;

  const changed = (): void => {
    rerender();
    onEdited();
  };
  const select = (address: string): void => {
    book.selection = { sheetId: sheet.id, address };
    rerender();
  };
  const move = (dr: number, dc: number): void => {
    const r = selected ?? { r1: 0, c1: 0, r2: 0, c2: 0 };
    select(rectAddress({ r1: Math.max(0, r.r1 + dr), c1: Math.max(0, r.c1 + dc), r2: Math.max(0, r.r1 + dr), c2: Math.max(0, r.c1 + dc) }));
  };
  const commit = (address: string, text: string, dr: number, dc: number): void => {
    try {
      const result = fake.setCellValue(sheet.name, address, text);
      setEditing(null);
      if (!result.ok) {
        setAlert({ title: result.title ?? "Microsoft Excel", message: result.message ?? "", address, text });
        return;
      }
      changed();
      move(dr, dc);
    } catch (e) {
      setEditing(null);
      setAlert({ title: "Microsoft Excel", message: e instanceof Error ? e.message : String(e), address, text });
    }
    gridRef.current?.focus();
  };

  const contentOf = (address: string): string => {
    const { r1, c1 } = parseAddress(address);
    const cell = book.cell(sheet, r1, c1);
    if (cell?.formula !== undefined) return cell.formula;
    return book.textOut(sheet, r1, c1);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    if (editing || alert || !cursor) return;
    if (e.key === "ArrowDown" || e.key === "Enter") move(1, 0);
    else if (e.key === "ArrowUp") move(-1, 0);
    else if (e.key === "ArrowRight" || e.key === "Tab") move(0, 1);
    else if (e.key === "ArrowLeft") move(0, -1);
    else if (e.key === "F2") setEditing({ address: cursor, text: contentOf(cursor) });
    else if (e.key === "Delete" || e.key === "Backspace") {
      try {
        fake.setCellValue(sheet.name, cursor, "");
        changed();
      } catch (err) {
        setAlert({ title: "Microsoft Excel", message: err instanceof Error ? err.message : String(err), address: cursor, text: "" });
      }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      setEditing({ address: cursor, text: e.key });
    } else return;
    e.preventDefault();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>): void => {
    if (editing || !selected) return;
    const text = e.clipboardData.getData("text/plain").replace(/\r?\n$/, "");
    e.preventDefault();
    const rows = text.split(/\r?\n/).map((line) => line.split("\t"));
    try {
      rows.forEach((cols, i) =>
        cols.forEach((v, j) =>
          fake.setCellValue(sheet.name, rectAddress({ r1: selected.r1 + i, c1: selected.c1 + j, r2: selected.r1 + i, c2: selected.c1 + j }), v, { paste: true }),
        ),
      );
    } catch (err) {
      setAlert({ title: "Microsoft Excel", message: err instanceof Error ? err.message : String(err), address: cursor ?? "", text });
    }
    changed();
  };

  // What to draw: the used range and a margin, at least MIN_ROWS × MIN_COLS.
  const used = book.usedRect(sheet, false);
  const rows = Math.max(MIN_ROWS, (used?.r2 ?? 0) + 6);
  const cols = Math.max(MIN_COLS, (used?.c2 ?? 0) + 3);
  const covered = new Set<string>();
  const mergeAt = new Map<string, Rect>();
  for (const m of sheet.merges) {
    mergeAt.set(`${m.r1}:${m.c1}`, m);
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r}:${c}`);
  }
  const width = (c: number): number => Math.round((sheet.columnWidths.get(c) ?? 48) * PX_PER_POINT);
  const validation = cursor ? book.cell(sheet, parseAddress(cursor).r1, parseAddress(cursor).c1)?.validation : undefined;

  return (
    <div className="demo-book" data-version={version}>
      <div className="demo-formula-bar">
        <span className="demo-name-box" data-testid="name-box">{cursor ?? ""}</span>
        <span className="demo-fx">fx</span>
        <span className="demo-content" data-testid="formula-bar">{cursor ? contentOf(cursor) : ""}</span>
      </div>
      {alert && (
        <div className="demo-alert" role="alertdialog" aria-label={alert.title} data-testid="validation-alert">
          <strong>{alert.title}</strong>
          <p>{alert.message}</p>
          <button
            type="button"
            onClick={() => {
              setEditing({ address: alert.address, text: alert.text });
              setAlert(null);
            }}
          >
            Thử lại
          </button>
          <button
            type="button"
            onClick={() => {
              setAlert(null);
              gridRef.current?.focus();
            }}
          >
            Hủy
          </button>
        </div>
      )}
      <div className="demo-grid" ref={gridRef} tabIndex={0} onKeyDown={onKeyDown} onPaste={onPaste} data-testid="grid" data-sheet={sheet.name}>
        <table>
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: width(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{colLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: sheet.rowHeights.has(r) ? (sheet.rowHeights.get(r) ?? 15) * PX_PER_POINT : undefined }}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  if (covered.has(`${r}:${c}`)) return null;
                  const m = mergeAt.get(`${r}:${c}`);
                  const address = `${colLetters(c)}${r + 1}`;
                  const cell = book.cell(sheet, r, c);
                  const isCursor = address === cursor;
                  const isEditing = editing?.address === address;
                  return (
                    <td
                      key={c}
                      rowSpan={m ? m.r2 - m.r1 + 1 : undefined}
                      colSpan={m ? m.c2 - m.c1 + 1 : undefined}
                      data-address={address}
                      className={isCursor ? "demo-cursor" : undefined}
                      style={cellStyle(cell?.format)}
                      title={cell?.hyperlink?.screenTip}
                      onMouseDown={() => {
                        if (editing && editing.address !== address) commit(editing.address, editing.text, 0, 0);
                        select(address);
                      }}
                      onDoubleClick={() => setEditing({ address, text: contentOf(address) })}
                    >
                      {isEditing ? (
                        <input
                          autoFocus
                          className="demo-editor"
                          data-testid="cell-editor"
                          value={editing.text}
                          onChange={(e) => setEditing({ address, text: e.target.value })}
                          onKeyDown={(e) => {
                            e.stopPropagation();
                            if (e.key === "Enter") commit(address, editing.text, 1, 0);
                            else if (e.key === "Tab") {
                              e.preventDefault();
                              commit(address, editing.text, 0, 1);
                            } else if (e.key === "Escape") {
                              setEditing(null);
                              gridRef.current?.focus();
                            }
                          }}
                        />
                      ) : (
                        book.textOut(sheet, r, c)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {validation?.prompt?.showPrompt && validation.prompt.message && (
        <div className="demo-prompt" data-testid="validation-prompt">
          <strong>{validation.prompt.title}</strong> {validation.prompt.message}
        </div>
      )}
      <div className="demo-tabs" role="tablist">
        {sheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === sheet.id}
            className={s.id === sheet.id ? "demo-tab demo-tab-active" : "demo-tab"}
            style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
            onClick={() => {
              book.activeSheetId = s.id;
              setEditing(null);
              rerender();
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
