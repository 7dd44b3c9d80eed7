/**
 * The one error type constructs throw for bad input. It names the offending prop and what was
 * expected, so a platform engineer can fix the configuration without reading our source.
 */
export class BlueprintConfigError extends Error {
  public readonly prop: string;
  public readonly expected: string;

  constructor(prop: string, expected: string, received?: unknown) {
    const got = received === undefined ? '' : ` (got ${describe(received)})`;
    super(`Invalid ${prop}: expected ${expected}${got}`);
    this.name = 'BlueprintConfigError';
    this.prop = prop;
    this.expected = expected;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
