#!/usr/bin/env node
// Runs the core over a folder until the CLI exists; prints redacted findings only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { findTokens } from "../dist/index.js";

const root = process.argv[2] ?? "samples";
let count = 0;
const walk = (directory) => {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      for (const finding of findTokens(readFileSync(path, "utf8"), { path }).findings) {
        count++;
        console.log(`${relative(".", path)}:${finding.line}:${finding.column} ${finding.redacted} ${finding.confidence} ${finding.ruleId} (${finding.context})`);
      }
    }
  }
};
walk(root);
console.log(`${count} finding(s)`);
