import { NO_REQUEST, type AppContext } from '../context.ts';
import { seedDemo } from './seed-demo.ts';
import { seedDemoApplications } from './seed-demo-applications.ts';
import { seedDemoInspection } from './seed-demo-inspection.ts';
import { seedDemoItems } from './seed-demo-items.ts';
import { seedDemoDecisionCounts, seedDemoReports } from './seed-demo-reports.ts';

/**
 * The whole 示例市 demo, in the order its parts depend on each other: agencies and users; published
 * items; applications; monthly figures and annual reports; the inspection picture (which keeps the
 * columns current, plants errors and runs the scan). `npm start` and `xxgk seed --demo` both run it.
 */
export async function seedWholeDemo(
  ctx: AppContext,
): Promise<{ logins: Awaited<ReturnType<typeof seedDemo>>; published: number }> {
  const logins = await seedDemo(ctx, NO_REQUEST);
  const items = await seedDemoItems(ctx);
  await seedDemoApplications(ctx);
  await seedDemoDecisionCounts(ctx);
  await seedDemoReports(ctx);
  const inspection = await seedDemoInspection(ctx);
  return { logins, published: items.published + inspection.published };
}
