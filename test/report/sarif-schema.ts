import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import schema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

/**
 * A validator for the official SARIF 2.1.0 JSON schema (draft-04). ajv-formats is not installed,
 * so the schema's three formats are checked here: WHATWG URL parsing and ISO 8601 date-times.
 */
export function sarifValidator(): ValidateFunction {
  // The schema's language-tag pattern is not valid in unicode mode; nothing else is relaxed.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
  return ajv.compile(schema);
}
