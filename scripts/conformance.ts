import * as path from 'path';
import { conformanceDir, hasManifest } from '../policies/conformance/manifest';
import { runConformance, type CheckReport, type Comparison } from '../policies/conformance/compare';
import { ALL_RULES } from '../policies/rules';

/**
 * npm run conformance: our rules vs Checkov on its public fixtures, for every Checkov id a rule
 * lists as an equivalent. Exit 1 when agreement is below the target, 2 when the data is missing.
 */
const TARGET = 0.98;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function line(c: Comparison): string {
  const where = c.file ? `${c.file} ${c.address}` : c.address;
  return `    ${where}: checkov ${c.expected}, ${c.ruleId} ${c.verdict} - ${c.message}`;
}

function printCheck(c: CheckReport): void {
  const agree = c.comparisons.filter((x) => x.outcome === 'agree').length;
  const scored = c.comparisons.length;
  const documented = c.comparisons.filter((x) => x.outcome === 'documented').length;
  const head = `${c.checkId} (${c.framework}) -> ${c.ruleIds.join(', ')}`;
  const figure = scored ? `${agree}/${scored} agree${documented ? `, ${documented} documented` : ''}` : 'not scored';
  console.log(`${head}: ${figure}`);
  if (c.notEvaluated) console.log(`    not evaluated (${c.notEvaluatedEntries} entries): ${c.notEvaluated}`);
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const dir = conformanceDir(root);
  if (!hasManifest(dir)) {
    console.error(
      `conformance: no manifest.json in ${dir} (run npm run conformance:refresh, or set ZT_CONFORMANCE_DIR)`,
    );
    return 2;
  }
  const report = runConformance(dir, ALL_RULES);
  console.log(`Checkov conformance (${dir})\n`);
  report.checks.forEach(printCheck);

  const all = report.checks.flatMap((c) => c.comparisons);
  const documented = all.filter((c) => c.outcome === 'documented');
  const disagreements = all.filter((c) => c.outcome === 'disagree');
  if (documented.length > 0) {
    console.log('\nDocumented semantic differences (Checkov passes; the rule is stricter or cannot decide; see note):');
    for (const c of documented) console.log(`${line(c)}\n      note: ${c.note}`);
  }
  if (disagreements.length > 0) {
    console.log('\nDisagreements:');
    disagreements.forEach((c) => console.log(line(c)));
  }
  const t = report.totals;
  console.log(
    `\nTotal: ${t.agree}/${t.scored} agree (raw ${pct(t.rawAgreement)}); ${t.documented} documented differences; ` +
      `${t.disagree} disagreements; ${t.notEvaluated} expected entries not evaluated.`,
  );
  console.log(`Agreement (documented differences excluded): ${pct(t.agreement)} (target ${pct(TARGET)})`);
  return t.agreement >= TARGET ? 0 : 1;
}

process.exitCode = main();
