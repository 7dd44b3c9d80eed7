import { parseArgs, UsageError } from '../../policies/cli';

describe('parseArgs', () => {
  it('defaults: text, threshold low, no paths', () => {
    expect(parseArgs([])).toEqual({
      command: 'check',
      paths: [],
      format: 'text',
      threshold: 'low',
      failOnUnknown: false,
    });
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
        '--fail-on-unknown',
        '--',
        '--weird.json',
      ]),
    ).toEqual({
      command: 'check',
      paths: ['a.json', '--weird.json'],
      format: 'sarif',
      output: 'out.sarif',
      threshold: 'high',
      ruleIds: ['ZT-DATA-001', 'ZT-DATA-002'],
      failOnUnknown: true,
    });
  });

  it('rules subcommand; ./rules is a path', () => {
    expect(parseArgs(['rules', '--format', 'json'])).toEqual({ command: 'rules', format: 'json' });
    expect(parseArgs(['./rules'])).toMatchObject({ command: 'check', paths: ['./rules'] });
  });

  it('help and version win over everything else', () => {
    expect(parseArgs(['x', '--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-V'])).toEqual({ command: 'version' });
  });

  it.each([[['--format']], [['--rules', ',']], [['--fail-on-unknown=yes']], [['-x']], [['rules', 'extra']]])(
    '%j throws UsageError',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
    },
  );
});
