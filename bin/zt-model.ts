#!/usr/bin/env node
import { runModelCli } from '../lib/model-signing/cli';

// Entry point only: all logic and error handling live in lib/model-signing/cli.ts.
void runModelCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => (process.exitCode = code));
