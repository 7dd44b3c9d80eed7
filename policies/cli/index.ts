/** The `zt-check` command, callable without a process (see bin/zt-check.ts for the binary). */
export { run, exitCode, EXIT, DEFAULT_PATHS, STDIN_LIMIT, type CliIo } from './run';
export {
  parseArgs,
  UsageError,
  USAGE,
  type Command,
  type CheckCommand,
  type RulesCommand,
  type OutputSpec,
} from './args';
export { loadCliInputs, loadStdin } from './inputs';
