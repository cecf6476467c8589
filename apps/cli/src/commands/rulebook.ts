import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  importCalendar,
  loadCalendar,
  NO_REQUEST,
  officialCalendar,
  parseCalendarCsv,
  plausibleDates,
  setCalendarDay,
  systemActor,
} from '@xxgk/app';
import {
  addWorkingDays,
  computeDeadline,
  isIsoDate,
  LedgerError,
  shanghaiDate,
  workingDaysBetween,
  type ClockEvent,
  type ClockSettings,
  type WorkCalendar,
} from '@xxgk/core';
import { isPostgresUrl } from '@xxgk/db';
import { clockFromEnv, loadConfig } from '@xxgk/server/config';
import { EXIT, UsageError, type Io } from '../io.ts';
import { withApp } from './open.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The calendar for a computation: the database's overrides when there is a database (PostgreSQL, or
 * an existing SQLite file under --data); otherwise the official schedule alone. A calculation never
 * creates a database as a side effect.
 */
async function calendarFor(env: Env, dataDir: string | undefined): Promise<WorkCalendar> {
  const config = loadConfig(env, { dataDir });
  if (!isPostgresUrl(config.databaseUrl) && !existsSync(path.join(config.dataDir, 'xxgk.sqlite'))) {
    return officialCalendar();
  }
  return withApp(env, dataDir, ({ ctx }) => loadCalendar(ctx.db));
}

/**
 * A date argument: `YYYY-MM-DD`, a real day, and within the plausible dates as of the command's clock
 * (2000-01-01 through next year, as every form takes them; issue 18) — a usage error (exit 64) if not.
 */
function date(value: string | undefined, what: string, env: Env): string {
  if (value === undefined || !isIsoDate(value)) {
    throw new UsageError(`${what}应为 YYYY-MM-DD 格式的日期，实为“${value ?? ''}”`);
  }
  const range = plausibleDates(shanghaiDate(clockFromEnv(env)()));
  if (value < range.min || value > range.max) {
    throw new UsageError(`${what}应在 ${range.min} 至 ${range.max} 之间，实为“${value}”`);
  }
  return value;
}

function count(value: string | undefined, what: string, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${what}应为不小于${min}的整数，实为“${value ?? ''}”`);
  }
  return n;
}

export async function workdays(
  env: Env,
  io: Io,
  args: string[],
  flags: { data?: string | undefined; json?: boolean | undefined; countStart?: boolean | undefined },
): Promise<number> {
  const [sub, a, b] = args;
  const cal = await calendarFor(env, flags.data);
  const print = (text: string, json: unknown, warnings: readonly string[]) => {
    if (flags.json) {
      io.out(JSON.stringify(json));
    } else {
      io.out(text);
    }
    warnings.forEach((w) => io.err(`注意：${w}`));
  };
  switch (sub) {
    case 'add': {
      const start = date(a, '起始日期', env);
      const days = count(b, '工作日数', 1);
      const r = addWorkingDays(cal, start, days, { countStartDay: flags.countStart === true });
      print(r.date, { date: r.date, warnings: r.warnings }, r.warnings);
      return EXIT.ok;
    }
    case 'between': {
      const r = workingDaysBetween(cal, date(a, '起始日期', env), date(b, '结束日期', env));
      print(String(r.days), { days: r.days, warnings: r.warnings }, r.warnings);
      return EXIT.ok;
    }
    case 'is': {
      const d = date(a, '日期', env);
      const working = cal.isWorkingDay(d);
      const warnings = cal.isKnownYear(Number(d.slice(0, 4)))
        ? []
        : [`${d.slice(0, 4)}年的法定节假日安排尚未录入，按普通周末判断`];
      print(
        `${working ? '工作日' : '休息日'}：${cal.describe(d)}`,
        { date: d, workingDay: working, description: cal.describe(d), warnings },
        warnings,
      );
      return working ? EXIT.ok : EXIT.problem;
    }
    default:
      throw new UsageError('用法：xxgk workdays add DATE N | between A B | is DATE');
  }
}

interface LedgerFile {
  events?: ClockEvent[];
  today?: string;
  settings?: Partial<ClockSettings>;
}

export async function deadline(
  env: Env,
  io: Io,
  stdin: string,
  flags: { data?: string | undefined; today?: string | undefined },
): Promise<number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdin);
  } catch (error) {
    throw new UsageError(`标准输入不是有效的 JSON：${(error as Error).message}`);
  }
  const file: LedgerFile = Array.isArray(parsed) ? { events: parsed as ClockEvent[] } : (parsed as LedgerFile);
  if (!Array.isArray(file.events)) {
    throw new UsageError('台账应为事件数组，或含 "events" 数组的对象（见 README“办理期限”一节）');
  }
  const today = flags.today ?? file.today ?? shanghaiDate(clockFromEnv(env)());
  date(today, '--today ', env);
  const cal = await calendarFor(env, flags.data);
  try {
    const d = computeDeadline(cal, file.events, {
      today,
      ...(file.settings === undefined ? {} : { settings: file.settings }),
    });
    io.out(JSON.stringify({ today, ...d }, null, 2));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof LedgerError) {
      io.err(`台账无效（第${error.index + 1}条）：${error.message}`);
      return EXIT.data;
    }
    throw error;
  }
}

export async function calendar(
  env: Env,
  io: Io,
  args: string[],
  flags: { data?: string | undefined; note?: string | undefined },
): Promise<number> {
  const [sub, a, b] = args;
  if (sub === 'set') {
    const d = date(a, '日期', env);
    if (b !== 'workday' && b !== 'holiday') {
      throw new UsageError('用法：xxgk calendar set DATE workday|holiday [--note 说明]');
    }
    return withApp(env, flags.data, async ({ ctx }) => {
      await setCalendarDay(ctx, {
        actor: systemActor('命令行'),
        input: { date: d, kind: b, note: flags.note ?? '' },
        meta: NO_REQUEST,
      });
      io.out(`已设置 ${d} 为${b === 'workday' ? '工作日' : '休息日'}${flags.note ? `（${flags.note}）` : ''}`);
      return EXIT.ok;
    });
  }
  if (sub === 'import') {
    if (a === undefined) {
      throw new UsageError('用法：xxgk calendar import FILE.csv [--note 文件依据]');
    }
    let text: string;
    try {
      text = readFileSync(a, 'utf8');
    } catch (error) {
      throw new UsageError(`无法读取 ${a}：${(error as Error).message}`);
    }
    const days = parseCalendarCsv(text);
    return withApp(env, flags.data, async ({ ctx }) => {
      const r = await importCalendar(ctx, {
        actor: systemActor('命令行'),
        days,
        meta: NO_REQUEST,
        note: flags.note ?? path.basename(a),
      });
      io.out(`已导入 ${r.days} 个日期；${r.years.join('、')}年的节假日安排已标记为完整`);
      return EXIT.ok;
    });
  }
  throw new UsageError('用法：xxgk calendar set DATE workday|holiday [--note …] | import FILE.csv');
}
