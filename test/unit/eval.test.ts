// The checker's measured quality must not slip: the dev set from ../shared and our own
// independently written set (test/fixtures/claims-extra.jsonl), through the CLI as `npm run eval` runs it.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Row {
  kind: string;
  precision: string;
  recall: string;
  'false alarms': number;
  'value in message': string;
  'suggestion top-1': string;
}

function evaluate(cases: string): Row {
  const out = execFileSync(process.execPath, ['scripts/eval.mjs', '--cases', cases, '--json'], { encoding: 'utf8' });
  const all = (JSON.parse(out).table as Row[]).find((r) => r.kind === 'all')!;
  return all;
}
const fraction = (text: string): number => {
  const [a, b] = text.split('/').map(Number);
  return b === undefined ? Number(text) : a / b;
};

describe('checker quality', () => {
  it('meets the targets on the dev set', { skip: !existsSync('../shared/eval/claims-dev.jsonl') && 'needs ../shared/eval' }, () => {
    const all = evaluate('../shared/eval/claims-dev.jsonl');
    assert.ok(Number(all.precision) >= 0.97, `precision ${all.precision}`);
    assert.ok(Number(all.recall) >= 0.9, `recall ${all.recall}`);
    assert.equal(all['false alarms'], 0);
    assert.equal(fraction(all['value in message']), 1);
    assert.ok(fraction(all['suggestion top-1']) >= 0.95, `top-1 ${all['suggestion top-1']}`);
  });

  it('stays precise on an independently written set', () => {
    const all = evaluate('test/fixtures/claims-extra.jsonl');
    assert.ok(Number(all.precision) >= 0.97, `precision ${all.precision}`);
    assert.ok(Number(all.recall) >= 0.8, `recall ${all.recall}`);
    assert.equal(all['false alarms'], 0);
    assert.ok(fraction(all['suggestion top-1']) >= 0.9, `top-1 ${all['suggestion top-1']}`);
  });
});
