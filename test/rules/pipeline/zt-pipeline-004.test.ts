import {
  AZURE_FUNCTIONS_VERSIONS,
  LAMBDA_RUNTIMES,
  azureVersionKey,
  lifecycle,
  newestSupported,
} from '../../../policies/rules/pipeline/runtime-support';
import { runCases } from '../helpers';
import { cases } from '../cases/zt-pipeline-004';

runCases(cases);

// The verdicts follow the clock: a scheduled date that has passed deprecates the runtime.
describe('ZT-PIPELINE-004 runtime table', () => {
  test('a scheduled deprecation takes effect on its date', () => {
    expect(lifecycle(LAMBDA_RUNTIMES, 'nodejs22.x', '2027-04-29')).toEqual({ kind: 'supported', until: '2027-04-30' });
    expect(lifecycle(LAMBDA_RUNTIMES, 'nodejs22.x', '2027-04-30')).toEqual({ kind: 'deprecated', since: '2027-04-30' });
    expect(lifecycle(LAMBDA_RUNTIMES, 'provided.al2', '2026-01-01').kind).toBe('supported');
    expect(lifecycle(LAMBDA_RUNTIMES, 'constructor', '2026-12-01')).toEqual({ kind: 'unlisted' });
  });

  test('the suggested move is the family member patched longest', () => {
    const node = (id: string) => id.startsWith('nodejs');
    expect(newestSupported(LAMBDA_RUNTIMES, node, '2026-12-01')).toBe('nodejs24.x');
    expect(newestSupported(LAMBDA_RUNTIMES, node, '2028-05-01')).toBeUndefined();
    expect(newestSupported(AZURE_FUNCTIONS_VERSIONS.dotnet, () => true, '2026-12-01')).toBe('10.0');
  });

  test('provider spellings map to table keys', () => {
    expect(azureVersionKey('node', '~22')).toBe('22');
    expect(azureVersionKey('dotnet', 'v8.0')).toBe('8.0');
    expect(azureVersionKey('dotnet', '8')).toBe('8.0');
    expect(azureVersionKey('java', '1.8')).toBe('8');
    expect(azureVersionKey('powershell', '7.0')).toBe('7');
  });

  test('dates are ISO days', () => {
    const all = [LAMBDA_RUNTIMES, ...Object.values(AZURE_FUNCTIONS_VERSIONS)].flatMap((t) => Object.values(t));
    for (const e of all) if (e.deprecated !== null) expect(e.deprecated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
