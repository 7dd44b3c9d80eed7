import { run } from '../policies/cli';

// Entry point only: parse, call, exit. All logic (and all error handling) lives in policies/cli.
process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
});
