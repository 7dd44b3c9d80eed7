import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

/**
 * The reusable GitHub Action (action.yml) and the workflow using it. GitHub itself is not
 * reachable here, so the action's own script is run with bash as the runner would run it:
 * inputs as environment variables, $GITHUB_OUTPUT a file.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const workflow = parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'zero-trust.yml'), 'utf8')) as {
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
};
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

/** An unencrypted bucket: fails ZT-DATA-001 whatever else the rules say. */
const FAILING = { Resources: { Data: { Type: 'AWS::S3::Bucket', Properties: {} } } };

function runCheck(inputs: Record<string, string>): { status: number | null; outputs: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-action-'));
  fs.writeFileSync(path.join(dir, 'failing.template.json'), JSON.stringify(FAILING));
  const outputs = path.join(dir, 'github-output');
  fs.writeFileSync(outputs, '');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(checkStep.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
    env[name] = input ? (inputs[input] ?? action.inputs[input].default ?? '') : value;
  }
  const r = spawnSync('bash', ['-c', checkStep.run!], {
    cwd: dir,
    env: { ...process.env, ...env, GITHUB_OUTPUT: outputs },
    encoding: 'utf8',
  });
  return { status: r.status, outputs: fs.readFileSync(outputs, 'utf8'), dir };
}

describe('action.yml', () => {
  const cli = `node ${path.join(ROOT, 'bin', 'zt-check.js')}`;

  test('is a composite action with the paths, format, output and threshold inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'output', 'threshold']));
    expect(action.inputs.format.default).toBe('sarif');
  });

  test('never splices an input into a script (inputs arrive as environment variables)', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) expect(step.run).not.toMatch(/\$\{\{/);
  });

  test('uploads SARIF to code scanning, and fails on findings only after the upload', () => {
    const names = action.runs.steps.map((s) => s.uses ?? s.id ?? s.run);
    const upload = action.runs.steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    const fail = action.runs.steps.findIndex((s) => s.if?.includes("steps.check.outputs.exit-code == '1'"));
    expect(upload).toBeGreaterThan(names.indexOf('check'));
    expect(fail).toBeGreaterThan(upload);
  });

  test('failing findings: writes the SARIF report and passes exit code 1 on to the later steps', () => {
    const r = runCheck({ cli, paths: 'failing.template.json', output: 'reports/zt.sarif' });
    expect(r.status).toBe(0);
    expect(r.outputs).toContain('exit-code=1\n');
    expect(r.outputs).toContain('report=reports/zt.sarif\n');
    const sarif = JSON.parse(fs.readFileSync(path.join(r.dir, 'reports', 'zt.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const ruleIds = sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId);
    expect(ruleIds).toContain('ZT-DATA-001');
    fs.rmSync(r.dir, { recursive: true, force: true });
  });

  test('bad input (a missing path) fails the step at once with exit 2', () => {
    const r = runCheck({ cli, paths: 'missing.template.json', format: 'junit', output: 'zt.xml' });
    expect(r.status).toBe(2);
    expect(r.outputs).toContain('exit-code=2\n');
    fs.rmSync(r.dir, { recursive: true, force: true });
  });
});

describe('.github/workflows/zero-trust.yml', () => {
  const job = workflow.jobs['zt-check'];

  test('may upload to code scanning', () => {
    expect(job.permissions['security-events']).toBe('write');
  });

  test('installs, builds, synthesizes, then runs this action with SARIF output', () => {
    const runs = job.steps.map((s) => s.run ?? '');
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    const uses = job.steps.findIndex((s) => s.uses === './');
    expect(at(/npm ci/)).toBeGreaterThanOrEqual(0);
    expect(at(/npm run build/)).toBeGreaterThan(at(/npm ci/));
    expect(at(/synth:aws.*synth:azure/)).toBeGreaterThan(at(/npm run build/));
    expect(uses).toBeGreaterThan(at(/synth:aws/));
    expect(job.steps[uses].with).toMatchObject({ format: 'sarif', cli: 'node dist/bin/zt-check.js' });
  });
});
