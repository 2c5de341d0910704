/**
 * The demo's pictures of the page-side features: a quote shown in the article, and a mention's
 * hover card. Drives the page as a reader would (buttons and the pointer).
 */
import { join } from 'node:path';
import { openArticle, type ShotContext } from './panel-shots';

/** Opens the article: "Show in article" for a quote, then a mention's card with the panel closed. */
export async function marksShots(context: ShotContext): Promise<string[]> {
  const { page, panel } = await openArticle(context);
  const out = (name: string) => join(context.out, `${name}-${context.scheme}.png`);
  await panel.getByRole('button', { name: 'Show in article: traitors for Russia' }).click();
  await page.waitForTimeout(1000); // the smooth scroll
  const quoteShot = out('show-in-article');
  await page.screenshot({ path: quoteShot });

  await panel.getByRole('button', { name: 'Close Backstory' }).click();
  const point = await page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('backstory-mention') ?? [])] as Range[];
    const almaty = ranges.filter((range) => range.toString() === 'Almaty')[1] ?? ranges[0];
    almaty?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = almaty?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  if (!point) return [quoteShot];
  await page.mouse.move(point.x, point.y);
  await page.waitForTimeout(500); // the card shows on hover (in the marks' closed shadow root)
  const cardShot = out('mention-card');
  await page.screenshot({ path: cardShot });
  await page.close();
  return [quoteShot, cardShot];
}
