import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

/** What the accessibility check holds every main screen to: WCAG 2.1 A and AA. */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing each with its rule, what
 * it asks for and the elements at fault. Minor and moderate findings do not fail; they go into the test's report as
 * an attachment with the full result. Pass `exclude` selectors only for parts that are not ours (none today).
 */
export async function expectNoSeriousA11yViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(RULE_TAGS);
  for (const selector of options.exclude ?? []) axe = axe.exclude(selector);
  const results = await axe.analyze();
  await test.info().attach(`axe ${new URL(page.url()).pathname}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const listed = serious.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  expect(listed, `serious or critical accessibility violations at ${page.url()}`).toEqual([]);
}
