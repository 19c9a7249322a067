import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a page: what keeps someone from using it (colour contrast counts as serious). */
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

export type AxeReport = {
  page: string;
  /** Serious and critical violations: the page fails with any of these. */
  blocking: Result[];
  /** Moderate and minor violations: printed, not failed on. */
  other: Result[];
};

/** Each violation as a developer fixes it: rule, impact, what it asks for, where (one selector per node), and the rule's help page. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const html = n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html;
        const why = n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : '';
        return `    - ${n.target.map(String).join(' >>> ')}\n      ${html}${why}`;
      });
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden `<i data-tabster-dummy>` elements around tab lists,
 * menus and dialogs: they only pass focus on to the right element and are silent to screen readers on purpose. axe
 * reports them under aria-hidden-focus; Microsoft's Accessibility Insights drops exactly these nodes as a known false
 * positive (microsoft/accessibility-insights-web#7605), and so do we — any other aria-hidden-focus node still fails.
 */
function withoutTabsterDummies(violations: Result[]): Result[] {
  return violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
    .filter((v) => v.nodes.length > 0);
}

/**
 * Waits for running CSS transitions and animations to end (a button fading from disabled to enabled, a toast sliding
 * in): colour contrast measured halfway through is neither the before nor the after. Endless ones (spinners) are
 * not waited for.
 */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  });
}

/** Runs axe-core on the page as it is now (the script is injected once per document) and sorts the violations by impact. */
export async function auditPage(page: Page, label: string): Promise<AxeReport> {
  await settle(page);
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!injected) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  const violations = withoutTabsterDummies(results.violations);
  const blocking = violations.filter((v) => v.impact && BLOCKING.includes(v.impact));
  const other = violations.filter((v) => !v.impact || !BLOCKING.includes(v.impact));
  return { page: label, blocking, other };
}

/** Counts of nodes per rule ("color-contrast ×3"), for a one-line summary. */
function countByRule(violations: Result[]): string {
  return violations.map((v) => `${v.id} ×${v.nodes.length}`).join(', ') || 'none';
}

/**
 * Audits the page and fails with every serious or critical violation (rule id, impact, help and target selectors);
 * moderate and minor ones are printed as a summary. The report is kept in `reports` for a closing table.
 */
export async function expectAccessible(page: Page, label: string, reports: AxeReport[] = []): Promise<AxeReport> {
  const report = await auditPage(page, label);
  reports.push(report);
  if (report.other.length) console.log(`axe ${label}: ${report.other.length} moderate/minor rule(s): ${countByRule(report.other)}\n${describeViolations(report.other)}`);
  if (report.blocking.length) {
    throw new Error(`axe-core found ${report.blocking.length} serious or critical rule violation(s) on ${label}:\n${describeViolations(report.blocking)}`);
  }
  return report;
}

/** One line per page: serious+critical rules (nodes) and moderate/minor rules (nodes). */
export function summarize(reports: AxeReport[]): string {
  const nodes = (vs: Result[]) => vs.reduce((n, v) => n + v.nodes.length, 0);
  return reports
    .map((r) => `${r.page}: serious+critical ${r.blocking.length} rule(s) / ${nodes(r.blocking)} node(s); moderate+minor ${r.other.length} rule(s) / ${nodes(r.other)} node(s)`)
    .join('\n');
}
