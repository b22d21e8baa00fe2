#!/usr/bin/env node
import { guardProcess, run } from "../dist/index.js";

guardProcess(process);
const { stdout, stderr, stdin, env } = process;
process.exitCode = await run(process.argv.slice(2), { stdout, stderr, stdin, cwd: process.cwd(), env });
