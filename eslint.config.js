import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Frameworks and I/O the rulebook must never touch: packages/core stays pure (STYLE.md). */
const NOT_IN_CORE = [
  {
    group: ['@xxgk/db', '@xxgk/db/*', '@xxgk/app', '@xxgk/app/*', '@xxgk/documents', '@xxgk/server', '@xxgk/cli'],
    message: '@xxgk/core 只能是纯函数：不得依赖 db、app 或其他应用层包 / core must not import db, app or apps.',
  },
  {
    group: [
      'kysely',
      'better-sqlite3',
      'pg',
      'fastify',
      'fastify/*',
      '@fastify/*',
      'react',
      'react-dom',
      'antd',
      'zod',
    ],
    message: '@xxgk/core 不得依赖框架或数据库 / core must not import a framework or database.',
  },
  {
    group: [
      'node:fs',
      'fs',
      'node:fs/*',
      'fs/*',
      'node:net',
      'node:http',
      'node:https',
      'node:child_process',
      'node:crypto',
    ],
    message: '@xxgk/core 不做 I/O / core does no I/O.',
  },
];

/** The house's syntax rules (STYLE.md). */
const HOUSE_SYNTAX = [
  { selector: 'TSEnumDeclaration', message: 'No TS enum: use a const array and a union (STYLE.md).' },
  { selector: 'TSParameterProperty', message: 'No parameter properties (STYLE.md).' },
  { selector: 'Decorator', message: 'No decorators (STYLE.md).' },
];

/**
 * One clock (STYLE.md): what asks "what day is it" asks the injected clock (AppContext.now, the
 * config's XXGK_NOW clock, the admin's clock.ts), so every test runs at a fixed instant on any machine.
 */
const WALL_CLOCK_MESSAGE =
  '不得直接读取系统时钟：请用注入的时钟（ctx.now()、config.now、管理端 clock.ts、测试的 TEST_NOW）/ ask the injected clock, not the wall clock.';
const WALL_CLOCK = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: WALL_CLOCK_MESSAGE },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: WALL_CLOCK_MESSAGE },
  { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: WALL_CLOCK_MESSAGE },
];

/** A date of a year in a browser test expires with that year: derive it from TEST_NOW (testToday()). */
const DATE_PATTERN = '/20\\d\\d(年\\d|-\\d\\d-\\d\\d)/';
const DATE_MESSAGE =
  '浏览器测试不写死日期：由 TEST_NOW（testToday()）推出 / derive dates from TEST_NOW, never a literal.';
const LITERAL_DATES = [
  { selector: `Literal[value=${DATE_PATTERN}]`, message: DATE_MESSAGE },
  { selector: `TemplateElement[value.raw=${DATE_PATTERN}]`, message: DATE_MESSAGE },
];

/** A package-import fence: the named @xxgk packages (and their subpaths) may not be imported here. */
function fence(names, message) {
  return { group: names.flatMap((n) => [`@xxgk/${n}`, `@xxgk/${n}/*`]), message };
}
const DB_FENCE = '@xxgk/db 只能依赖 @xxgk/core / db may import core only (core ← db ← app ← server, cli).';
const DOCUMENTS_FENCE = '@xxgk/documents 只能依赖 @xxgk/core：字节进，字节出 / documents may import core only.';
const APP_FENCE = '@xxgk/app 不得依赖服务端或命令行 / app must not import the server or the CLI.';
const SERVER_FENCE = '服务端不得依赖命令行 / the server must not import the CLI.';
const UNTRUSTED_READERS = {
  name: '@xxgk/documents',
  importNames: ['importReport', 'fileText', 'officialDocumentDraft', 'docxToBlocks', 'pdfToBlocks'],
  message:
    '不受信任的文件须在沙箱中读取：请用 readReportFile、readFileText、readOfficialDocument、readSheetFile / read untrusted files in the sandbox.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'e2e/artifacts/**', 'data/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            'apps/cli/bin/*.js',
            'scripts/*.mjs',
            'packages/documents/src/untrusted/worker.js',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...HOUSE_SYNTAX],
    },
  },
  {
    files: ['packages/**/*.{ts,tsx}', 'apps/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...HOUSE_SYNTAX, ...WALL_CLOCK] },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...HOUSE_SYNTAX, ...WALL_CLOCK, ...LITERAL_DATES] },
  },
  // The directions the house promises (ARCHITECTURE.md): core ← db ← app ← {server, cli}; documents
  // bytes in, bytes out over core. A wrong-way import fails here instead of slipping in.
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [fence(['app', 'documents', 'server', 'cli'], DB_FENCE)] }],
    },
  },
  {
    files: ['packages/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [fence(['db', 'app', 'server', 'cli'], DOCUMENTS_FENCE)] }],
    },
  },
  {
    files: ['packages/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fence(['server', 'cli'], APP_FENCE)] }] },
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fence(['cli'], SERVER_FENCE)] }] },
  },
  {
    // Files from outside are read in @xxgk/documents' sandbox (limits, a worker with a heap cap and a
    // time limit: issue 18); the in-process readers are for our own output and tests.
    files: ['packages/app/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [UNTRUSTED_READERS], patterns: [fence(['server', 'cli'], APP_FENCE)] },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [UNTRUSTED_READERS], patterns: [fence(['cli'], SERVER_FENCE)] }],
    },
  },
  {
    files: ['apps/cli/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [UNTRUSTED_READERS] }] },
  },
  {
    files: ['packages/core/**/*.ts'],
    ignores: ['packages/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_IN_CORE }] },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', sessionStorage: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // The admin may import core (to show the very rule the server applies), but nothing server-side.
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@xxgk/db', '@xxgk/app', '@xxgk/server', '@xxgk/documents'],
              message: '管理端只能引用 @xxgk/core / the admin may import @xxgk/core only.',
            },
          ],
        },
      ],
    },
  },
);
