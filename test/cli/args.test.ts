import { parseArgs, UsageError, type CheckCommand } from '../../policies/cli';

const outputs = (argv: string[]) => (parseArgs(argv) as CheckCommand).outputs;

const DEFAULTS = {
  command: 'check',
  paths: [],
  outputs: [{ format: 'text' }],
  threshold: 'low',
  failOnUnknown: false,
  failOnUncovered: false,
  quiet: false,
  compact: false,
  noColor: false,
};

describe('parseArgs', () => {
  it('defaults: text to stdout, threshold low, no paths', () => {
    expect(parseArgs([])).toEqual(DEFAULTS);
  });

  it('flags in both --flag value and --flag=value forms, short aliases, and -- for odd paths', () => {
    expect(
      parseArgs([
        'a.json',
        '-f',
        'sarif',
        '--output=out.sarif',
        '--severity-threshold',
        'high',
        '--rules',
        'ZT-DATA-001, ZT-DATA-001,ZT-DATA-002',
        '--skip-rules=ZT-DATA-002',
        '--fail-on-unknown',
        '--fail-on-uncovered',
        '-q',
        '--compact',
        '--no-color',
        '--srcroot',
        'repo',
        '-',
        '--',
        '--weird.json',
      ]),
    ).toEqual({
      ...DEFAULTS,
      paths: ['a.json', '-', '--weird.json'],
      outputs: [{ format: 'sarif', output: 'out.sarif' }],
      threshold: 'high',
      ruleIds: ['ZT-DATA-001', 'ZT-DATA-002'],
      skipRuleIds: ['ZT-DATA-002'],
      failOnUnknown: true,
      failOnUncovered: true,
      quiet: true,
      compact: true,
      noColor: true,
      srcroot: 'repo',
    });
  });

  it('several outputs: each --output belongs to the --format before it, one may go to stdout', () => {
    expect(
      outputs(['--format', 'sarif', '--output', 'a.sarif', '--format', 'junit', '-o', 'b.xml', '--format', 'text']),
    ).toEqual([{ format: 'sarif', output: 'a.sarif' }, { format: 'junit', output: 'b.xml' }, { format: 'text' }]);
    // The single pair works in either order, as before.
    expect(outputs(['--output', 'x.json', '--format', 'json'])).toEqual([{ format: 'json', output: 'x.json' }]);
    expect(outputs(['--output', 'x.txt'])).toEqual([{ format: 'text', output: 'x.txt' }]);
  });

  it.each([
    [['--format', 'json', '--format', 'text'], 'only one report can go to stdout'],
    [['--format', 'json', '--output', 'a', '--output', 'b'], '--output b must follow the --format'],
    [['--format', 'json', '--output', 'a', '--format', 'sarif', '--output', 'a'], '--output a is given twice'],
    [['-', '-'], '"-" (stdin) may be given once'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('rules subcommand; ./rules is a path', () => {
    expect(parseArgs(['rules', '--format', 'json'])).toEqual({ command: 'rules', format: 'json' });
    expect(parseArgs(['rules', '--skip-rules', 'ZT-DATA-001'])).toEqual({
      command: 'rules',
      format: 'text',
      skipRuleIds: ['ZT-DATA-001'],
    });
    expect(parseArgs(['./rules'])).toMatchObject({ command: 'check', paths: ['./rules'] });
  });

  it('help and version win over everything else', () => {
    expect(parseArgs(['x', '--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-V'])).toEqual({ command: 'version' });
  });

  it.each([
    [['--format']],
    [['--rules', ',']],
    [['--fail-on-unknown=yes']],
    [['-x']],
    [['rules', 'extra']],
    [['rules', '--quiet']],
    [['rules', '--format', 'json', '--format', 'text', '--output', 'a']],
  ])('%j throws UsageError', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
