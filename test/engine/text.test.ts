/**
 * The cross-check of a report's text against its appendix (src/engine/text), on the sample's values: sentences
 * written here, then the sample report's own body (the paragraphs that state figures).
 */
import { builtinTemplateSet } from "../../src/forms";
import { recogniseWorkbook, validateForms, type Finding } from "../../src/engine";
import { checkReportText } from "../../src/engine/text/check";
import { figuresOf, sentences } from "../../src/engine/text/figures";
import { decToString } from "../../src/engine/exact";
import { renderFinding } from "../../src/i18n/findings";
import { sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();
const recognition = recogniseWorkbook(set, sampleInLayout(set));
const values = validateForms(set, recognition.forms, { values: true }).values!;

function check(...texts: string[]): Finding[] {
  return checkReportText({ set, values, forms: recognition.forms, paragraphs: texts.map((text, i) => ({ number: i + 1, text })) });
}
const brief = (f: Finding) => `${f.check} ${f.form} ${f.stt} ${f.value}`;
const warnings = (fs: Finding[]) => fs.filter((f) => f.severity === "warning").map(brief);

describe("figures in running text", () => {
  it("reads Vietnamese numbers as the engine reads cells", () => {
    const got = figuresOf("Đã giải quyết 140.394 hồ sơ, đạt 93,35%, hoàn thành 08 nhiệm vụ và 505/541 thủ tục hành chính.");
    expect(got.map((f) => [f.raw, decToString(f.value), f.percent, f.unit])).toEqual([
      ["140.394", "140394", false, "hồ sơ"],
      ["93,35%", "93.35", true, "bare"],
      ["08", "8", false, "nhiệm vụ"],
      ["505/541", "505", false, "tthc"],
    ]);
    expect(decToString(got[3].fraction!.den)).toBe("541");
  });

  it("leaves out dates, document numbers, ranks, ranges, articles and list markers", () => {
    const text =
      "2. Theo Quyết định số 2715/QĐ-UBND ngày 14/11/2023, giai đoạn 2021-2025, xếp thứ 42/63 tỉnh, Điều 143 Nghị định 107/2021/NĐ-CP, Biểu mẫu 3.";
    expect(figuresOf(text)).toEqual([]);
  });

  it("tells a figure of a unit from a figure of something else", () => {
    expect(figuresOf("đã phê duyệt 1.790 tài khoản")[0].unit).toBe("other");
    expect(figuresOf("tổng số nhiệm vụ là 97, trong đó")[0].unit).toBe("bare");
  });

  it("cuts sentences without cutting numbers", () => {
    expect(sentences("Đã giải quyết 1.081 hồ sơ. Tỷ lệ đạt 93,35%. 2. Tiếp theo")).toEqual([
      "Đã giải quyết 1.081 hồ sơ.",
      "Tỷ lệ đạt 93,35%.",
      "2.",
      "Tiếp theo",
    ]);
  });
});

describe("sentences written for the test", () => {
  it("calls a figure tied to one row and differing from it a mismatch, with both figures and the sentence", () => {
    const [f] = check("Trong kỳ, Chủ tịch UBND tỉnh đã công bố 12 TTHC bãi bỏ thuộc thẩm quyền.");
    expect(brief(f)).toBe("report.mismatch BM3 1.3 12");
    expect(f.severity).toBe("warning");
    expect(f.rule).toBe("report.BM3.1.3");
    expect(f.expected).toBe("262");
    expect(f.params.stated).toEqual({ dec: "12" });
    expect(f.params.table).toEqual({ dec: "262" });
    expect(f.params.paragraph).toBe("1");
    expect(f.cell).toBeTruthy();
    const msg = renderFinding(f);
    expect(msg).toContain("đoạn 1");
    expect(msg).toContain("ghi 12");
    expect(msg).toContain("phụ lục ghi 262");
    expect(msg).toContain("công bố 12 TTHC bãi bỏ");
  });

  it("says where a stated figure agrees (info), including a rate rounded in the text", () => {
    const got = check(
      "Số TTHC bãi bỏ trong kỳ là 262.",
      "Về cung cấp dịch vụ công trực tuyến, tỷ lệ hồ sơ trực tuyến toàn trình đạt 70,7%.",
    );
    expect(got.map(brief)).toEqual(["report.agrees BM3 1.3 262", "report.agrees BM7 6.3 70,7%"]);
    expect(got.every((f) => f.severity === "info")).toBe(true);
  });

  it("finds a rate stated differently in the text", () => {
    expect(warnings(check("Về cung cấp dịch vụ công trực tuyến, tỷ lệ hồ sơ trực tuyến toàn trình đạt 65,00%."))).toEqual([
      "report.mismatch BM7 6.3 65,00%",
    ]);
  });

  it("ties a fraction to its rate rule: numerator, denominator and the rate of the same sentence", () => {
    const got = check("Đã tích hợp 500/541 thủ tục hành chính có yêu cầu nghĩa vụ tài chính, đạt tỷ lệ 92,42%.");
    expect(got.map((f) => `${f.check} ${f.stt} ${(f.params.stated as { dec: string }).dec}`)).toEqual([
      "report.mismatch 6.5.2 500",
      "report.agrees 6.5.1 541",
      "report.mismatch 6.5 92.42",
    ]);
    expect(got.map((f) => f.value)).toEqual(["500", "541", "92,42%"]);
  });

  it("names the scope: tasks of the Government, not the province's own", () => {
    expect(warnings(check("Tổng số nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao là 90 nhiệm vụ."))).toEqual(["report.mismatch BM1 5.1 90"]);
    expect(warnings(check("Tổng số nhiệm vụ UBND tỉnh giao trên phần mềm là 6.038 nhiệm vụ."))).toEqual([]);
    // "08" reads 8, as a cell "08" would.
    expect(warnings(check("Số nhiệm vụ Chính phủ giao đã hoàn thành nhưng quá hạn là 08 nhiệm vụ."))).toEqual(["report.mismatch BM1 5.3 08"]);
  });

  it("never calls a figure that fits several rows a mismatch", () => {
    // District and commune level together: BM3 3.2.1 and 3.3.1 fit alike, neither holds 140.394.
    const got = check("UBND cấp huyện và cấp xã đã tiếp nhận, giải quyết xong 140.394 hồ sơ TTHC.");
    expect(warnings(got)).toEqual([]);
    expect(got.map((f) => f.check)).toEqual(["report.uncertain"]);
    expect(got[0].params.candidates).toContain("BM3 3.2.1");
    expect(got[0].params.candidates).toContain("BM3 3.3.1");
    expect(renderFinding(got[0])).toContain("không xác định chắc chắn");
    // The same words without a scope tie to nothing at all.
    expect(check("Các cơ quan đã giải quyết 140.394 hồ sơ, trong đó giải quyết đúng hạn 140.061 hồ sơ.").filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("ignores figures of other things, dates and document numbers", () => {
    expect(check("Đã phê duyệt 1.790 tài khoản; Quyết định số 2715/QĐ-UBND ngày 14/11/2023 về 107 nội dung.")).toEqual([]);
  });

  it("takes a figure that differs from a row the same sentence states rightly as a part, not a contradiction", () => {
    const got = check("Tổng số nhiệm vụ Chính phủ giao là 97, trong đó đã hoàn thành 58 nhiệm vụ (50 nhiệm vụ đã duyệt hoàn thành).");
    expect(warnings(got)).toEqual([]);
    expect(got.filter((f) => f.check === "report.agrees").map(brief)).toEqual(["report.agrees BM1 5.1 97", "report.agrees BM1 5.2 58"]);
  });
});

describe("the sample report's body", () => {
  // The paragraphs of quang-tri-2024-6t.docx that state figures of the appendix, as written.
  const body = [
    "Văn phòng UBND tỉnh đã rà soát, tham mưu trình Chủ tịch UBND tỉnh ban hành 42 Quyết định, công bố 450 TTHC (81 TTHC ban hành mới, 262 TTHC sửa đổi, bổ sung, 107 TTHC bãi bỏ) thuộc phạm vi chức năng quản lý của các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh.",
    "Trong 6 tháng đầu năm, các cơ quan hành chính nhà nước 3 cấp (tỉnh, huyện, xã) đã tiếp nhận 150.969 hồ sơ trên Hệ thống thông tin giải quyết TTHC tỉnh, trong đó đã giải quyết 140.394 hồ sơ (giải quyết đúng và trước hạn 140.061 hồ sơ, quá hạn 309 hồ sơ); đang giải quyết 6.020 hồ sơ (trong hạn 5.923 hồ sơ, quá hạn 92 hồ sơ).",
    "- Đã tích hợp trên Cổng DVC tỉnh 1.081 DVC trực tuyến toàn trình và 647 DVC trực tuyến một phần, đạt 88,12% trên tổng số TTHC; triển khai tích hợp công khai 1.071 DVCTT của tỉnh lên Cổng Dịch vụ công Quốc gia, đạt 61,98% (trong đó có 848 DVCTT toàn trình đạt 79,25% trên tổng số DVCTT đã tích hợp, xếp thứ 42/63 tỉnh thành toàn quốc về số lượng DVCTT đã tích hợp trên Cổng DVC Quốc gia).",
    "- Thống kê trên Cổng DVC tỉnh, tỉ lệ hồ sơ trực tuyến toàn trình đạt 59,10% trên tổng số hồ sơ đã tiếp nhận (không tính tồn đầu kỳ), tỷ lệ hồ sơ trực tuyến toàn trình toàn tỉnh đạt 70,68% (không tính tồn đầu kỳ).",
    "+ Đã tích hợp 505/541 thủ tục hành chính có yêu cầu nghĩa vụ tài chính trên Cổng Dịch vụ công tỉnh và cung cấp trên Cổng DVC quốc gia, đạt tỷ lệ 93,35%.",
    "Thống kê từ ngày 15/12/2023 đến 12/6/2024, tổng số nhiệm vụ đã giao trên phần mềm là 6.038 nhiệm vụ, trong đó đã hoàn thành 4.182 nhiệm vụ (bao gồm đúng hạn 4.078, hoàn thành chậm 104), số nhiệm vụ chưa hoàn thành là 1.856 nhiệm vụ (bao gồm trong hạn 1.793, quá hạn 63). Tỷ lệ hoàn thành đúng hạn là 96,07%.",
    "Báo cáo về nhiệm vụ Chính phủ giao qua Hệ thống theo dõi thực hiện nhiệm vụ của Chính phủ: Từ 01/01/2024 đến 12/6/2024, tổng số nhiệm vụ Chính phủ giao cho Quảng Trị là 97, trong đó: đã hoàn thành 58 nhiệm vụ (trong đó: 50 nhiệm vụ đã duyệt hoàn thành và 08 nhiệm vụ đang chờ chuyên viên phụ trách của Văn phòng Chính phủ xác nhận), đang thực hiện 39 nhiệm vụ.",
  ];
  const got = check(...body);

  it("reports the one contradiction: 107 TTHC abolished in the text, 262 in BM3 1.3", () => {
    expect(warnings(got)).toEqual(["report.mismatch BM3 1.3 107"]);
    const w = got.find((f) => f.severity === "warning")!;
    expect(w.params.sentence).toContain("107 TTHC bãi bỏ");
    expect(w.params.paragraph).toBe("1");
  });

  it("finds the figures that agree: BM1 5.1/5.2 and BM7 6.5.2/6.5.1/6.5", () => {
    const agrees = got.filter((f) => f.check === "report.agrees").map((f) => `${f.form} ${f.stt}`);
    expect(agrees).toEqual(expect.arrayContaining(["BM1 5.1", "BM1 5.2", "BM7 6.5.2", "BM7 6.5.1", "BM7 6.5"]));
  });

  it("calls no agreeing figure a mismatch", () => {
    const agreeing = new Set(["97", "58", "505/541", "93,35%", "81", "70,68%"]);
    expect(got.filter((f) => f.severity === "warning" && agreeing.has(f.value!))).toEqual([]);
  });
});
