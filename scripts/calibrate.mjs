#!/usr/bin/env node
// `npm run calibrate [-- --json | --tune-misses]`: the scorer's agreement with independent human
// labels on the calibration corpus (docs/calibration.md). The test fold is reported only in
// aggregate; --tune-misses lists the tune fold's misreadings, to study while tuning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { calibrate, reportJson, reportText, ROOT, tuneMissesText } from '../dist/calibration/run.js';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--json' && a !== '--tune-misses');
if (unknown.length > 0) {
  process.stderr.write(`error: unknown option ${unknown[0]}\nUsage: npm run calibrate [-- --json | --tune-misses]\n`);
  process.exit(1);
}
const rubric = parse(readFileSync(join(ROOT, 'rubrics', 'backend-signals.yaml'), 'utf8'));
const started = performance.now();
const report = await calibrate({ rubric });
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`);
} else if (args.includes('--tune-misses')) {
  process.stdout.write(`${tuneMissesText(report)}\n`);
} else {
  process.stdout.write(`${reportText(report)}\n`);
  process.stderr.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
