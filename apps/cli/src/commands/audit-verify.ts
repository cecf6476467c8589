import { verifyAuditLog } from '@xxgk/app';
import { EXIT, type Io } from '../io.ts';
import { withApp } from './open.ts';

export async function auditVerify(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  options: { dataDir: string | undefined },
) {
  return withApp(env, options.dataDir, async ({ ctx }) => {
    const result = await verifyAuditLog(ctx);
    if (result.breaks.length === 0) {
      io.out(
        `审计日志完整：已校验 ${result.checked} 条，哈希链无断裂 / audit log intact: ${result.checked} entries verified`,
      );
      io.out(`链尾哈希 / head hash: ${result.lastHash}`);
      return EXIT.ok;
    }
    io.err(
      `审计日志被篡改：发现 ${result.breaks.length} 处问题 / audit log tampered: ${result.breaks.length} problem(s)`,
    );
    for (const b of result.breaks) {
      io.err(`  - ${b.message} (entry ${b.id}: ${b.reason})`);
    }
    return EXIT.problem;
  });
}
