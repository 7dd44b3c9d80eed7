/**
 * Runtime support tables of ZT-PIPELINE-004: the one place to update when a provider publishes or moves a
 * deprecation date. A date is the first day the provider no longer patches the runtime (AWS Lambda's
 * "Deprecation date", Azure Functions' "end-of-support date"); `null` means no date is scheduled.
 * An id that is not here is neither passed nor failed: the rule reports it unknown ("not in the table of
 * <RUNTIME_TABLE_CHECKED>"), so a runtime published after the check does not fail as if it were retired.
 */
export const RUNTIME_TABLE_CHECKED = '2026-12-01';

export interface RuntimeEntry {
  /** ISO date from which the runtime gets no security patches; null: none scheduled. */
  readonly deprecated: string | null;
  /** Set when the sources disagree: the rule reports unknown rather than guess. */
  readonly unconfirmed?: string;
}

const on = (deprecated: string | null): RuntimeEntry => ({ deprecated });

/**
 * AWS Lambda managed runtimes (the `Runtime` identifier of a .zip function). Sources, checked 2026-12-01:
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (supported and deprecated runtimes) and
 * its per-language pages lambda-nodejs, lambda-python, lambda-java, lambda-csharp, lambda-ruby and
 * runtimes-provided (the AL2-based java8.al2 / java11 / java17 / python3.11 were moved to 2027-06-30).
 */
export const LAMBDA_RUNTIMES: Readonly<Record<string, RuntimeEntry>> = {
  'nodejs24.x': on('2028-04-30'),
  'nodejs22.x': on('2027-04-30'),
  'nodejs20.x': on('2026-04-30'),
  'nodejs18.x': on('2025-09-01'),
  'nodejs16.x': on('2024-06-12'),
  'nodejs14.x': on('2023-12-04'),
  'nodejs12.x': on('2023-03-31'),
  'nodejs10.x': on('2021-07-30'),
  'nodejs8.10': on('2020-03-06'),
  'nodejs6.10': on('2019-08-12'),
  'nodejs4.3': on('2020-03-05'),
  'nodejs4.3-edge': on('2020-03-05'),
  nodejs: on('2016-10-31'),
  'python3.14': on('2029-06-30'),
  'python3.13': on('2029-06-30'),
  'python3.12': on('2028-10-31'),
  'python3.11': on('2027-06-30'),
  'python3.10': on('2026-10-31'),
  'python3.9': on('2025-12-15'),
  'python3.8': on('2024-10-14'),
  'python3.7': on('2023-12-04'),
  'python3.6': on('2022-07-18'),
  'python2.7': on('2021-07-15'),
  java25: on('2029-06-30'),
  java21: on('2029-06-30'),
  java17: on('2027-06-30'),
  java11: on('2027-06-30'),
  'java8.al2': on('2027-06-30'),
  java8: on('2024-01-08'),
  dotnet10: on('2028-11-14'),
  dotnet9: on('2026-11-10'),
  dotnet8: on('2026-11-10'),
  dotnet7: on('2024-05-14'),
  dotnet6: on('2024-12-20'),
  'dotnet5.0': on('2022-05-10'),
  'dotnetcore3.1': on('2023-04-03'),
  'dotnetcore2.1': on('2022-01-05'),
  'dotnetcore2.0': on('2019-05-30'),
  'dotnetcore1.0': on('2019-06-27'),
  'ruby3.4': on('2028-03-31'),
  'ruby3.3': on('2027-03-31'),
  'ruby3.2': on('2026-03-31'),
  'ruby2.7': on('2023-12-07'),
  'ruby2.5': on('2021-07-30'),
  'go1.x': on('2024-01-08'),
  'provided.al2023': on('2029-06-30'),
  'provided.al2': {
    deprecated: '2026-06-30',
    unconfirmed:
      'runtimes-provided still listed 2026-06-30 while the other Amazon Linux 2 runtimes moved to 2027-06-30',
  },
  provided: on('2024-01-08'),
};

export type AzureStack = 'python' | 'node' | 'java' | 'dotnet' | 'powershell';

/**
 * Azure Functions language versions (site_config.application_stack of azurerm_linux_function_app and
 * azurerm_windows_function_app), keyed by the version as normalized by `azureVersionKey`. Sources, checked
 * 2026-12-01: https://learn.microsoft.com/azure/azure-functions/supported-languages (.NET, Java, Node.js
 * end-of-support dates) and https://learn.microsoft.com/azure/azure-functions/language-support-policy
 * (retirement follows the community end of life: python.org and PowerShell lifecycle dates for Python and
 * PowerShell). .NET Framework 4.8 (Windows "v4.0") follows the Windows lifecycle: no date.
 */
export const AZURE_FUNCTIONS_VERSIONS: Readonly<Record<AzureStack, Readonly<Record<string, RuntimeEntry>>>> = {
  python: {
    '3.13': on('2029-10-31'),
    '3.12': on('2028-10-31'),
    '3.11': on('2027-10-31'),
    '3.10': on('2026-10-31'),
    '3.9': on('2025-10-31'),
    '3.8': on('2024-10-07'),
    '3.7': on('2023-09-30'),
    '3.6': on('2022-09-30'),
  },
  node: {
    '24': on('2028-04-30'),
    '22': on('2027-04-30'),
    '20': on('2026-04-30'),
    '18': on('2025-04-30'),
    '16': on('2024-06-30'),
    '14': on('2024-06-30'),
    '12': on('2022-12-13'),
  },
  java: {
    '21': on('2028-09-30'),
    '17': on('2027-09-30'),
    '11': on('2027-09-30'),
    '8': on('2026-11-30'),
  },
  dotnet: {
    '10.0': on('2028-11-14'),
    '9.0': on('2026-11-10'),
    '8.0': on('2026-11-10'),
    '7.0': on('2024-05-14'),
    '6.0': on('2024-11-12'),
    '3.1': on('2022-12-13'),
    '4.0': on(null),
  },
  powershell: {
    '7.4': on('2026-11-10'),
    '7.2': on('2024-11-08'),
    '7': on('2022-12-03'),
  },
};

/** Provider spellings to table keys: Windows "~20", "v8.0", "1.8"; a bare .NET major "8" is "8.0". */
export function azureVersionKey(stack: AzureStack, raw: string): string {
  const v = raw.trim().replace(/^[~v]/i, '');
  if (stack === 'java') return v === '1.8' ? '8' : v;
  if (stack === 'dotnet' && /^\d+$/.test(v)) return `${v}.0`;
  if (stack === 'powershell' && v === '7.0') return '7';
  return v;
}

export type Lifecycle =
  | { readonly kind: 'supported'; readonly until: string | null }
  | { readonly kind: 'deprecated'; readonly since: string }
  | { readonly kind: 'unconfirmed'; readonly reason: string }
  | { readonly kind: 'unlisted' };

/** Where `id` stands on `today` (ISO date): a scheduled date that has passed deprecates the runtime. */
export function lifecycle(
  table: Readonly<Record<string, RuntimeEntry>>,
  id: string,
  today: string = new Date().toISOString().slice(0, 10),
): Lifecycle {
  const e = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
  if (!e) return { kind: 'unlisted' };
  if (e.deprecated !== null && e.deprecated <= today) {
    return e.unconfirmed ? { kind: 'unconfirmed', reason: e.unconfirmed } : { kind: 'deprecated', since: e.deprecated };
  }
  return { kind: 'supported', until: e.deprecated };
}

/** The dated entry patched longest among those `sameFamily` accepts: the move a failure suggests. */
export function newestSupported(
  table: Readonly<Record<string, RuntimeEntry>>,
  sameFamily: (id: string) => boolean,
  today: string = new Date().toISOString().slice(0, 10),
): string | undefined {
  let best: string | undefined;
  let bestUntil = '';
  for (const [id, e] of Object.entries(table)) {
    // Undated entries (.NET Framework) are never the suggested move.
    if (!sameFamily(id) || e.unconfirmed || e.deprecated === null) continue;
    if (e.deprecated > today && e.deprecated > bestUntil) [best, bestUntil] = [id, e.deprecated];
  }
  return best;
}
