/*
 * Texts of the page shown instead of a blank pane where Office runs add-ins in Internet Explorer 11 or the old Edge
 * (src/taskpane/legacy.js). Plain ES5 on purpose: it runs where the bundles cannot even be parsed. Both languages are
 * shown (Office's display language is not known before Office.js is ready).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a global read by src/taskpane/legacy.js
var BIEUMAU_LEGACY_TEXT = {
  vi: {
    title: "Excel này chưa chạy được phần bổ trợ Biểu mẫu CCHC",
    lines: [
      "Excel đang mở phần bổ trợ bằng trình duyệt nhúng cũ (Internet Explorer 11 hoặc Microsoft Edge bản cũ), thường gặp ở Office 2016/2019 bản cấp phép số lượng lớn (volume). Ngăn bổ trợ cần Microsoft Edge WebView2, có sẵn trong Microsoft 365 và Office 2021 trở lên.",
      "Bạn vẫn kiểm tra được số liệu mà không cần phần bổ trợ:",
      "• Trang kiểm tra trên trình duyệt: mở tệp kiem-tra.html (cán bộ CNTT cung cấp) bằng Chrome, Edge hoặc Firefox, rồi chọn các tệp .xlsx. Tệp không rời khỏi máy tính của bạn.",
      "• Lệnh bieumau trên máy có Node.js: bieumau check bao-cao.xlsx (xem README).",
      "Cán bộ CNTT: xem docs/deploy.md, mục “Phiên bản Office được hỗ trợ”.",
    ],
  },
  en: {
    title: "This Excel cannot run the Biểu mẫu CCHC add-in",
    lines: [
      "Excel opens add-ins in an old embedded browser (Internet Explorer 11 or the old Microsoft Edge), as volume-licensed Office 2016/2019 does. The pane needs Microsoft Edge WebView2 (Microsoft 365, Office 2021 or later).",
      "You can still check your figures: open kiem-tra.html in Chrome, Edge or Firefox and choose your .xlsx files (nothing leaves your computer), or run `bieumau check report.xlsx`.",
    ],
  },
};
