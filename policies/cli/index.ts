/** The `zt-check` command, callable without a process (see bin/zt-check.ts for the binary). */
export { run, exitCode, EXIT, DEFAULT_PATHS, type CliIo } from './run';
export { parseArgs, UsageError, USAGE, type Command, type CheckCommand, type RulesCommand } from './args';
