/** Help texts, in Chinese and English, one per command. */
export const HELP: Readonly<Record<string, string>> = {
  main: `xxgk — 政府信息公开工作平台 / government information disclosure platform

用法 / usage: xxgk <命令 command> [选项 options]

命令 / commands:
  serve                     启动平台（门户、管理端、API）/ start the platform (portal, admin, API)
  migrate                   把数据库结构升级到最新 / bring the database schema up to date
  seed --demo               向空数据库导入示例市演示数据 / load the 示例市 demo into an empty database
  user create               新建用户 / create a user
  user reset-password       重置用户密码并解除锁定 / reset a user's password and unlock it
  audit verify              校验审计日志哈希链 / verify the audit log's hash chain
  workdays add|between|is   工作日计算 / working-day arithmetic
  deadline < ledger.json    由办理台账计算答复期限 / the reply deadline from an application's ledger
  fee items N | pages N     信息处理费 / information processing fee
  report check FILE...      读取已发布的年报（DOCX/PDF/HTML/文本）并校验 / read published reports and check them
  report verify FILE.json   年度报告勾稽关系校验 / cross-check an annual report
  report render FILE.json   按官方格式生成 DOCX/PDF/HTML/XLSX / render in the official format
  calendar set|import       维护节假日设置 / maintain the holiday calendar
  scan FILE...              发布前检查错敏词、个人信息、文号格式 / check documents before publication

通用选项 / common options:
  --data DIR                SQLite 数据目录（默认 ./data）；设置 DATABASE_URL=postgres://… 则使用 PostgreSQL
                            SQLite data directory (default ./data); set DATABASE_URL=postgres://… for PostgreSQL
  -h, --help                显示帮助 / show help

每个命令的帮助 / help for a command: xxgk <命令> --help`,
  scan: `用法 / usage: xxgk scan FILE... [--date YYYY-MM-DD] [--dict FILE] [--json]

发布前检查文件（文本、DOCX、PDF、XLSX）：错敏表述（内置词库，加 --dict 指定的本市词库）、个人信息
（身份证号、手机号、银行卡号、电子邮箱、住址；姓名与身份证号并列的名单）、文号格式。每个问题给出位置、程度和建议。
Check files before publication (text, DOCX, PDF, XLSX): wrong wording, personal data and 文号 format, each
finding with its place, severity and a suggested fix.

  --date D      假定的发布日期（默认今天）：机构更名、领导任职按此日期判断 / the publication date assumed
  --dict FILE   本市词库（JSON，格式见 packages/core/src/scan/wording/README.md）/ a city's own rules
  --json        输出 JSON / print JSON

退出码 / exit: 0 无严重问题 no severe finding；1 有严重问题 a severe finding；2 有文件无法读取 a file unreadable`,
  serve: `用法 / usage: xxgk serve [--port 3000] [--host 127.0.0.1] [--data ./data] [--demo]

启动平台：执行数据库迁移，按需导入演示数据，然后监听端口。收到 SIGINT/SIGTERM 时处理完进行中的请求再退出。
Start the platform: migrate, seed the demo if asked, and listen. On SIGINT/SIGTERM it drains requests, then exits.

  --port N      监听端口（默认 3000，或 XXGK_PORT）/ port (default 3000, or XXGK_PORT)
  --host H      监听地址（默认 127.0.0.1，或 XXGK_HOST）/ address (default 127.0.0.1, or XXGK_HOST)
  --data DIR    SQLite 数据目录 / SQLite data directory
  --demo        数据库为空时导入示例市演示数据并打印演示账号 / seed 示例市 into an empty database and print the demo logins`,
  migrate: `用法 / usage: xxgk migrate [--data DIR]

把数据库结构升级到最新版本（serve 启动时也会自动执行）。
Bring the database schema up to date (serve does this on start too).`,
  seed: `用法 / usage: xxgk seed --demo [--data DIR]

向空数据库导入示例市（16个机关、每种角色的用户）。数据库已有机关时拒绝执行。
Load 示例市 (16 agencies, a user for every role) into an empty database; refuses one that has agencies.`,
  user: `用法 / usage:
  xxgk user create --username U --name 姓名 --agency 机关编号或统一社会信用代码 --role 角色[,角色] [--password P]
  xxgk user reset-password --username U [--password P]

不给 --password 时生成一个随机密码并打印，用户首次登录须修改。
Without --password a random password is generated and printed; the user must change it at first login.

角色 / roles: editor 信息员, reviewer_first 初审人, reviewer_second 复审人, reviewer_final 终审人,
  secrecy_reviewer 保密审查员, application_handler 依申请经办人, legal_reviewer 法制审核员,
  agency_admin 单位管理员, supervisor 政务公开办（监督）, system_admin 系统管理员`,
  audit: `用法 / usage: xxgk audit verify [--data DIR]

逐条校验审计日志的哈希链；发现被修改或删除的记录时列出并以退出码 1 结束。
Walk the audit log's hash chain; list any edited or deleted entry and exit 1 if there is one.`,
  workdays: `用法 / usage:
  xxgk workdays add DATE N [--count-start]   DATE 之后第 N 个工作日 / the Nth working day after DATE
  xxgk workdays between A B                  A 之后至 B（含）的工作日数 / working days after A up to B
  xxgk workdays is DATE                      是否工作日（是则退出码 0，否则 1）/ exit 0 if a working day, 1 if not
  --json                                     输出 JSON / print JSON
  --data DIR                                 使用该数据目录中的节假日人工设置 / use the overrides in that database

默认不计起始日（民法典第二百零一条），只计工作日（法定节假日不计，调休上班日计入）。
The start day is not counted by default; only working days count (holidays skipped, 调休 weekends counted).
例 / e.g.: xxgk workdays add 2024-09-27 20   →   2024-10-30`,
  deadline: `用法 / usage: xxgk deadline [--today YYYY-MM-DD] [--data DIR] < ledger.json

从标准输入读取办理台账（事件数组，或 {"events": [...], "settings": {...}}），输出答复期限 JSON：
due、correctionNoticeDue、overdue、workingDaysLeft、warnings、explanation（逐步说明及法律依据）。
Reads an application's ledger on stdin and prints its deadline as JSON. The ledger format is in the README.`,
  fee: `用法 / usage:
  xxgk fee items N [--json]   同一申请人一个自然月内 N 件申请的按件计收总额 / per-application fee for N applications in a month
  xxgk fee pages N [--json]   一件申请 N 页的按量计收金额 / per-page fee for one application of N pages

依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条、第五条，超额累进。
--json 输出分档明细（金额单位：分）/ --json prints the tier breakdown (amounts in fen).`,
  report: `用法 / usage:
  xxgk report check FILE... [--previous FILE] [--json]
      读取已发布的年度报告（DOCX、PDF、HTML 或复制出的文本，也可是 report-json），按 R1–R12 校验。
      一个文件输出一个 report-json 对象，多个文件输出同序的数组；不带 --json 时输出中文汇总表。
      退出码：0 无错误，1 有错误，2 有文件无法读取。
      Read published reports (DOCX, PDF, HTML, text, or report-json) and run R1–R12; exit 0/1/2.
  xxgk report verify FILE.json [--previous LAST.json] [--published DATE --level department|government] [--json]
      校验一份 report-json（有错误时退出码 1）/ cross-check one report-json (exit 1 on errors)
  xxgk report render FILE.json --to docx|pdf|html|xlsx -o OUT
      按官方格式生成（DOCX 为公文版式；PDF 内嵌中文字体）/ render in the official layout`,
  calendar: `用法 / usage:
  xxgk calendar set DATE workday|holiday [--note 说明] [--data DIR]
  xxgk calendar import FILE.csv [--note 文件依据] [--data DIR]

CSV 每行一个日期：2027-01-01,holiday,元旦（类型可写 workday/工作日、holiday/休息日）；导入后文件中的年份视为已完整录入。
CSV, one date a line; the years in the file are then treated as known.`,
};
