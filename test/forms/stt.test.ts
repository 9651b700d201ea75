import { normaliseStt } from "../../src/forms/stt";

describe("normaliseStt", () => {
  it("reads the ways clerks and templates end an STT", () => {
    const cases: Array<[unknown, string | null]> = [
      ["3.1.2.", "3.1.2"], ["1,", "1"], [" 6 ", "6"], ["(2)", "2"], ["1)", "1"], ["\u00a01.2", "1.2"], ["\t4.1", "4.1"],
      ["1 . 2", "1.2"], [7, "7"], ["I.", null], ["a)", null], ["STT", null], ["Chỉ tiêu", null], [".1", null], [")1", null],
      ["-1", null], ["", null], [null, null], ["1".repeat(41), null],
    ];
    for (const [raw, want] of cases) expect([raw, normaliseStt(raw)]).toEqual([raw, want]);
  });

  it("reads a text the same with a space before it (random texts of an STT's characters and others)", () => {
    const alphabet = ["1", "2", "0", ".", ",", "(", ")", " ", "\t", "\u00a0", "a", "S", ";", ":", "-", "%", "đ", "\u0301"];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % alphabet.length);
    let agreed = 0;
    for (let n = 0; n < 20000; n++) {
      let s = "";
      const len = 1 + (n % 8);
      for (let i = 0; i < len; i++) s += alphabet[next()];
      expect([s, normaliseStt(s)]).toEqual([s, normaliseStt(` ${s}`)]);
      if (normaliseStt(s) !== null) agreed++;
    }
    expect(agreed).toBeGreaterThan(100); // the random texts include real STTs, not only rejections
  });
});
