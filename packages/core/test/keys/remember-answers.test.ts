import { describe, expect, it } from "vitest";
import { rememberAnswers } from "../../src/keys/remember-answers.js";

describe("rememberAnswers", () => {
  it("judges each distinct key once and answers as the judge does", () => {
    const asked: string[] = [];
    const isLong = rememberAnswers((key) => {
      asked.push(key);
      return key.length > 20;
    });
    const text = `HAWZU_ACCESS_TOKEN_PRODUCTION=1\nshort=2\n`;
    const long = text.slice(0, 29);
    expect([isLong(long), isLong("short"), isLong(text.slice(0, 29)), isLong("short")]).toEqual([true, false, true, false]);
    expect(asked).toEqual([long, "short"]);
  });

  it("forgets everything past 4,096 keys rather than growing", () => {
    let judged = 0;
    const answer = rememberAnswers(() => {
      judged++;
      return true;
    });
    for (let index = 0; index < 4096; index++) answer(`key-${index}`);
    answer("key-0");
    expect(judged).toBe(4096);
    answer("one-more");
    answer("key-1");
    expect(judged).toBe(4098);
  });
});
