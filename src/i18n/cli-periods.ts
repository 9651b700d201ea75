/** Command-line words about report periods and the previous report (check --previous, merge of periods). */
import type { Period } from "../engine/periods";
import type { Lang } from "./number";
import { periodLabel, periodWithDates } from "./periods";

export interface CliPeriodText {
  help: { previous: string; year: string };
  badYear(y: string): string;
  periodLine(p: Period | null): string;
  comparedWith(file: string, p: Period | null): string;
  noPrevious: string;
  previousUnreadable(file: string, why: string): string;
  mergeMixedPeriods(groups: Array<{ period: Period | null; files: string[] }>, forced: boolean): string;
}

const vi: CliPeriodText = {
  help: {
    previous: "so sánh với báo cáo kỳ trước (tệp, hoặc thư mục: ghép theo đơn vị và kỳ báo cáo)",
    year: "năm của kỳ báo cáo, ví dụ 2024 (cùng --period 6t; hoặc viết gộp --period 6t-2024)",
  },
  badYear: (y) => `Năm "${y}" không hợp lệ; ví dụ --year 2024`,
  periodLine: (p) => `Kỳ báo cáo: ${p ? periodWithDates(p, "vi") : "không đọc được (ghi \"Kỳ báo cáo: 6 tháng đầu năm 2024\" ở đầu trang)"}`,
  comparedWith: (file, p) => `So sánh với kỳ trước: ${file}${p ? ` (${periodLabel(p, "vi")})` : ""}`,
  noPrevious: "Không có báo cáo kỳ trước của cùng đơn vị để so sánh",
  previousUnreadable: (file, why) => `Báo cáo kỳ trước ${file}: ${why}`,
  mergeMixedPeriods: (groups, forced) =>
    `${forced ? "Lưu ý: đã tổng hợp các tệp khác kỳ báo cáo (--force)" : "Không tổng hợp các tệp khác kỳ báo cáo (dùng --force nếu vẫn muốn tổng hợp)"}:\n  - ${groups
      .map((g) => `${g.period ? periodLabel(g.period, "vi") : "chưa rõ kỳ"}: ${g.files.join(", ")}`)
      .join("\n  - ")}`,
};

const en: CliPeriodText = {
  help: {
    previous: "compare with the previous report (a file, or a folder: paired by unit and period)",
    year: "the period's year, e.g. 2024 (with --period 6t; or together: --period 6t-2024)",
  },
  badYear: (y) => `Invalid year "${y}"; e.g. --year 2024`,
  periodLine: (p) => `Period: ${p ? periodWithDates(p, "en") : "not stated (write \"Kỳ báo cáo: 6 tháng đầu năm 2024\" at the top of a sheet)"}`,
  comparedWith: (file, p) => `Compared with the previous report: ${file}${p ? ` (${periodLabel(p, "en")})` : ""}`,
  noPrevious: "No previous report of the same unit to compare with",
  previousUnreadable: (file, why) => `Previous report ${file}: ${why}`,
  mergeMixedPeriods: (groups, forced) =>
    `${forced ? "Note: files of different periods were merged (--force)" : "Not merging files of different periods (use --force to merge anyway)"}:\n  - ${groups
      .map((g) => `${g.period ? periodLabel(g.period, "en") : "period unknown"}: ${g.files.join(", ")}`)
      .join("\n  - ")}`,
};

export function cliPeriodText(lang: Lang): CliPeriodText {
  return lang === "en" ? en : vi;
}
