import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HELP } from './help.ts';
import { EXIT, processIo, reportError, UsageError, type Io } from './io.ts';

type Env = Readonly<Record<string, string | undefined>>;

// Commands load on demand: `xxgk --help` or `xxgk fee` should not start the web server's modules.
const rulebook = () => import('./commands/rulebook.ts');
const pure = () => import('./commands/pure.ts');

const DATA = { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseWith<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs one `xxgk` invocation and returns its exit code. */
export async function main(argv: string[], env: Env, io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(HELP['main'] ?? '');
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    switch (command) {
      case 'workdays': {
        const v = parseWith(rest, { ...DATA, json: { type: 'boolean' }, 'count-start': { type: 'boolean' } });
        if (v.values.help || v.positionals.length === 0) {
          io.out(HELP['workdays'] ?? '');
          return v.values.help ? EXIT.ok : EXIT.usage;
        }
        return await (
          await rulebook()
        ).workdays(env, io, v.positionals, {
          data: v.values.data,
          json: v.values.json,
          countStart: v.values['count-start'],
        });
      }
      case 'deadline': {
        const v = parse(rest, { ...DATA, today: { type: 'string' } });
        if (v.help) {
          io.out(HELP['deadline'] ?? '');
          return EXIT.ok;
        }
        return await (await rulebook()).deadline(env, io, await io.stdin(), { data: v.data, today: v.today });
      }
      case 'fee': {
        const v = parseWith(rest, { help: DATA.help, json: { type: 'boolean' } });
        if (v.values.help || v.positionals.length === 0) {
          io.out(HELP['fee'] ?? '');
          return v.values.help ? EXIT.ok : EXIT.usage;
        }
        return (await pure()).fee(io, v.positionals, { json: v.values.json });
      }
      case 'report': {
        const v = parseWith(rest, {
          help: DATA.help,
          json: { type: 'boolean' },
          previous: { type: 'string' },
          published: { type: 'string' },
          level: { type: 'string' },
          to: { type: 'string' },
          out: { type: 'string', short: 'o' },
        });
        const [sub, ...files] = v.positionals;
        if (v.values.help || sub === undefined) {
          io.out(HELP['report'] ?? '');
          return v.values.help ? EXIT.ok : EXIT.usage;
        }
        switch (sub) {
          case 'verify':
            return (await pure()).reportVerify(io, files, v.values);
          case 'check':
            return await (await import('./commands/documents.ts')).reportCheck(io, files, v.values);
          case 'render':
            return await (await import('./commands/documents.ts')).reportRender(io, files, v.values);
          default:
            throw new UsageError(`未知的子命令 report ${sub}；可用 check、verify、render`);
        }
      }
      case 'scan': {
        const v = parseWith(rest, {
          help: DATA.help,
          json: { type: 'boolean' },
          date: { type: 'string' },
          dict: { type: 'string' },
        });
        if (v.values.help || v.positionals.length === 0) {
          io.out(HELP['scan'] ?? '');
          return v.values.help ? EXIT.ok : EXIT.usage;
        }
        return await (await import('./commands/scan.ts')).scan(env, io, v.positionals, v.values);
      }
      case 'calendar': {
        const v = parseWith(rest, { ...DATA, note: { type: 'string' } });
        if (v.values.help || v.positionals.length === 0) {
          io.out(HELP['calendar'] ?? '');
          return v.values.help ? EXIT.ok : EXIT.usage;
        }
        return await (await rulebook()).calendar(env, io, v.positionals, { data: v.values.data, note: v.values.note });
      }
      case 'serve': {
        const v = parse(rest, {
          ...DATA,
          port: { type: 'string' },
          host: { type: 'string' },
          demo: { type: 'boolean' },
        });
        if (v.help) {
          io.out(HELP['serve'] ?? '');
          return EXIT.ok;
        }
        const port = v.port === undefined ? undefined : Number(v.port);
        return await (
          await import('./commands/serve.ts')
        ).serve(env, io, { port, host: v.host, dataDir: v.data, demo: v.demo ?? false });
      }
      case 'migrate': {
        const v = parse(rest, DATA);
        if (v.help) {
          io.out(HELP['migrate'] ?? '');
          return EXIT.ok;
        }
        return await (await import('./commands/migrate.ts')).migrate(env, io, { dataDir: v.data });
      }
      case 'seed': {
        const v = parse(rest, { ...DATA, demo: { type: 'boolean' } });
        if (v.help) {
          io.out(HELP['seed'] ?? '');
          return EXIT.ok;
        }
        if (!v.demo) {
          throw new UsageError('seed 目前只支持 --demo / seed takes --demo');
        }
        return await (await import('./commands/seed.ts')).seed(env, io, { dataDir: v.data });
      }
      case 'user': {
        const [sub, ...subArgs] = rest;
        const v = parse(subArgs, {
          ...DATA,
          username: { type: 'string' },
          name: { type: 'string' },
          agency: { type: 'string' },
          role: { type: 'string', multiple: true },
          password: { type: 'string' },
        });
        if (v.help || sub === undefined || sub === '--help' || sub === '-h') {
          io.out(HELP['user'] ?? '');
          return sub === undefined ? EXIT.usage : EXIT.ok;
        }
        if (sub === 'create') {
          return await (await import('./commands/user.ts')).userCreate(env, io, v);
        }
        if (sub === 'reset-password') {
          return await (await import('./commands/user.ts')).userResetPassword(env, io, v);
        }
        throw new UsageError(`未知的子命令 user ${sub} / unknown subcommand`);
      }
      case 'audit': {
        const [sub, ...subArgs] = rest;
        const v = parse(subArgs, DATA);
        if (v.help || sub !== 'verify') {
          io.out(HELP['audit'] ?? '');
          return sub === 'verify' || sub === '--help' || sub === '-h' ? EXIT.ok : EXIT.usage;
        }
        return await (await import('./commands/audit-verify.ts')).auditVerify(env, io, { dataDir: v.data });
      }
      default:
        throw new UsageError(`未知的命令 ${command} / unknown command`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}
