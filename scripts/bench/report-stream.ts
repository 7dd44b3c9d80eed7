/**
 * Report streaming at scale (issue 5 item 9): N buckets (default 100,000; BENCH_RESOURCES) in one
 * CloudFormation template, loaded and evaluated once, then each report format streamed to a file.
 * Prints time per phase, file sizes and peak RSS. Run: npx ts-node --transpile-only scripts/bench/report-stream.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGraph, evaluate, loadPaths } from '../../policies/engine';
import { writeReport, REPORT_FORMATS } from '../../policies/report';
import { FileSink } from '../../policies/cli/file-sink';
import { ALL_RULES } from '../../policies/rules';

const N = Number(process.env.BENCH_RESOURCES ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-report-bench-'));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peak = () => mib(process.resourceUsage().maxRSS * 1024);

function time<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  // CPU time beside wall time: on a loaded machine the wall clock says little.
  const wall = ((performance.now() - started) / 1000).toFixed(2).padStart(7);
  const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(2).padStart(7);
  console.log(`${label.padEnd(28)} ${wall} s wall ${cpuSeconds} s CPU   peak RSS ${peak()}`);
  return value;
}

try {
  const file = path.join(dir, 'big.template.json');
  time(`write template (${N} buckets)`, () => {
    const sink = new FileSink(file);
    sink.write('{"Resources":{');
    for (let i = 0; i < N; i++) {
      // Half compliant-ish, half bare: many failing findings, the worst case for reports.
      const props = i % 2 === 0 ? { VersioningConfiguration: { Status: 'Enabled' } } : {};
      sink.write(`${i ? ',' : ''}"Bucket${i}":${JSON.stringify({ Type: 'AWS::S3::Bucket', Properties: props })}`);
    }
    sink.write('}}');
    sink.close();
  });
  const docs = time('load', () => loadPaths([file]));
  const result = time('evaluate', () => evaluate(buildGraph(docs), ALL_RULES));
  const failing = result.findings.filter((f) => f.status === 'fail').length;
  console.log(`${result.findings.length} findings, ${failing} failing`);
  for (const format of REPORT_FORMATS) {
    const out = path.join(dir, `report.${format}`);
    time(`report ${format}`, () => {
      const sink = new FileSink(out);
      try {
        writeReport(result, ALL_RULES, format, sink.write, { cwd: dir });
      } finally {
        sink.close();
      }
    });
    console.log(`  ${format}: ${mib(fs.statSync(out).size)} written`);
  }
  console.log(`peak RSS overall ${peak()} (node ${process.version})`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
