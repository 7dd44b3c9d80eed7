/** Markdown helpers shared by the generated docs (rule pages, compliance matrix). */

/** Text shown literally in a markdown cell or paragraph ("Deny s3:* to Principal *" must not turn italic). */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** Natural order for control ids: AC-2 < AC-6 < AC-6(2) < AC-10, A.8.2 < A.8.11. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
