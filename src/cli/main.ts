import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase, sqliteFileIn } from '../db/database.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { seedDemoCalls } from '../db/seed/demo-calls.js';
import { seedDemoNews } from '../db/seed/demo-news.js';
import { seedDemoData, seedReferenceData } from '../db/seed/seed.js';
import { helsinkiYear } from '../domain/helsinki-time.js';
import { chairSchedule, clearChairOverride, overrideChairYear } from '../features/chair/chair.commands.js';
import { cliActor } from '../features/audit/audit.repository.js';
import { verifyAuditLog } from '../features/audit/audit.verify.js';
import { createAccount } from '../features/auth/accounts.service.js';
import { createApiToken } from '../features/api-tokens/api-tokens.service.js';
import { apiScopes } from '../policies/principal.js';
import { assignedRoles, type AssignedRole } from '../db/schema.js';
import { isLocale } from '../i18n/locales.js';
import { readSecret } from './read-secret.js';

const help = `Usage: npm run cli -- <command> [options]

Commands:
  migrate            Apply every pending database migration.
  migrate:status     List migrations that are not applied yet.
  seed               Add missing reference data (regions, strategies, priorities,
                     growth sectors, chair rotation). Never overwrites edits.
  seed --demo        Also add the labelled demo dataset (not in production).
  chair:show [--from YEAR] [--years N]
                     The chair region of each year (default: this year and the next 7).
  chair:override --year YEAR --region CODE --reason TEXT
                     Set the chair of one year; the rotation of other years stays.
  chair:clear --year YEAR
                     Remove a single-year override.

  user:create --email EMAIL --role admin|officer|expert [--region CODE]
              [--name NAME] [--locale fi|sv|en]
                     Make an active account. The password is asked for without
                     echo, or read from the first line of standard input.
                     Officers and experts need --region (e.g. 17).
  token:create --email OWNER --name NAME --scopes read,write:chair [--days 90]
                     Make an API token acting for the owner, narrowed to the
                     scopes (${apiScopes.join(', ')}); 1 to 365 days.
                     The token is printed once and cannot be shown again.
  audit:verify       Check the audit log's hash chain from the first entry; exits 2
                     and names the first altered or removed entry if it is broken.

Options:
  -h, --help         Show this help.

The database is the one the server would use: PostgreSQL when DATABASE_URL is
set, otherwise the SQLite file in DATA_DIR (default ./data).
`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      from: { type: 'string' },
      years: { type: 'string' },
      year: { type: 'string' },
      region: { type: 'string' },
      reason: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      locale: { type: 'string' },
      scopes: { type: 'string' },
      days: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(help);
    return command === undefined && !values.help ? 1 : 0;
  }
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(database);
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the database is up to date.');
        return 0;
      }
      case 'migrate:status': {
        const pending = await pendingMigrations(database);
        console.log(pending.length > 0 ? `Pending: ${pending.join(', ')}` : 'Every migration is applied.');
        return pending.length > 0 ? 2 : 0;
      }
      case 'seed': {
        await migrateToLatest(database);
        const report = await seedReferenceData(database.db);
        console.log(`Reference data added: ${JSON.stringify(report)}`);
        if (values.demo) {
          if (config.env === 'production') {
            console.error('Demo data is never added in production (NODE_ENV=production).');
            return 1;
          }
          console.log(`Demo rows added: ${await seedDemoData(database.db)}; demo calls added: ${await seedDemoCalls(database.db, new Date())}; demo news added: ${await seedDemoNews(database.db, new Date())}`);
        }
        return 0;
      }
      case 'chair:show': {
        const from = values.from ? Number(values.from) : helsinkiYear(new Date());
        const years = values.years ? Number(values.years) : 8;
        if (!Number.isInteger(from) || !Number.isInteger(years) || years < 1 || years > 100) {
          console.error('--from must be a year and --years a whole number from 1 to 100.');
          return 1;
        }
        for (const row of await chairSchedule(database.db, from, years)) {
          console.log(`${row.year}  ${row.regionCode ?? '--'}  ${row.source}`);
        }
        return 0;
      }
      case 'chair:override': {
        if (!values.year || !values.region || !values.reason) {
          console.error('chair:override needs --year, --region and --reason.');
          return 1;
        }
        const result = await overrideChairYear(
          database.db,
          cliActor,
          { year: Number(values.year), regionCode: values.region, reason: values.reason },
          new Date(),
        );
        if (!result.ok) {
          console.error(`Not changed: ${result.reason}.`);
          return 1;
        }
        console.log(`The chair of ${values.year} is now region ${values.region}.`);
        return 0;
      }
      case 'chair:clear': {
        if (!values.year) {
          console.error('chair:clear needs --year.');
          return 1;
        }
        console.log((await clearChairOverride(database.db, cliActor, Number(values.year), new Date())) ? 'Override removed.' : 'There was no override for that year.');
        return 0;
      }
      case 'user:create': {
        const role = values.role;
        if (!values.email || !role) {
          console.error('user:create needs --email and --role.');
          return 1;
        }
        if (!(assignedRoles as readonly string[]).includes(role)) {
          console.error(`--role must be one of ${assignedRoles.join(', ')}.`);
          return 1;
        }
        const region = values.region ?? null;
        if (role !== 'admin' && !region) {
          console.error(`An ${role} belongs to a council: give --region (a region code such as 17).`);
          return 1;
        }
        if (region && !(await database.db.selectFrom('regions').select('code').where('code', '=', region).executeTakeFirst())) {
          console.error(`--region: no region has the code "${region}".`);
          return 1;
        }
        const locale = values.locale ?? 'fi';
        if (!isLocale(locale)) {
          console.error('--locale must be fi, sv or en.');
          return 1;
        }
        await migrateToLatest(database);
        const password = await readSecret('Password (at least 12 characters): ');
        const result = await createAccount(
          database.db,
          cliActor,
          {
            email: values.email,
            name: values.name ?? values.email.split('@')[0]!,
            locale,
            password,
            roles: [{ role: role as AssignedRole, regionCode: role === 'admin' ? null : region }],
          },
          new Date(),
        );
        if (!result.ok) {
          const reasons = {
            'email-taken': 'an account with this e-mail address already exists',
            'email-invalid': 'the e-mail address is not valid',
            password: `the password is not accepted (${result.ok === false && result.reason === 'password' ? result.problems.map((p) => p.rule).join(', ') : ''}); use at least 12 characters that are not a common password or your own name`,
          } as const;
          console.error(`Not created: ${reasons[result.reason]}.`);
          return 1;
        }
        console.log(`Created user ${result.user.id} <${result.user.email}> with the role ${role}${region && role !== 'admin' ? ` in region ${region}` : ''}.`);
        console.log('They will be asked to set up two-factor authentication at their first sign-in.');
        return 0;
      }
      case 'token:create': {
        if (!values.email || !values.name || !values.scopes) {
          console.error('token:create needs --email, --name and --scopes.');
          return 1;
        }
        await migrateToLatest(database);
        const result = await createApiToken(
          database.db,
          cliActor,
          { ownerEmail: values.email, name: values.name, scopes: values.scopes.split(','), days: values.days ?? '90' },
          new Date(),
        );
        if (!result.ok) {
          const reasons = {
            'name:required': '--name is empty',
            'name:too-long': '--name is longer than 100 characters',
            'owner:required': '--email is empty',
            'owner:unknown': `no active account has the e-mail address ${values.email}`,
            'scopes:required': '--scopes names no scope',
            'scopes:unknown': `--scopes must be a comma-separated list of ${apiScopes.join(', ')}`,
            'days:invalid': '--days must be a whole number from 1 to 365',
          } as const;
          for (const p of result.problems) console.error(`Not created: ${reasons[`${p.field}:${p.problem}` as keyof typeof reasons]}.`);
          return 1;
        }
        console.error(`Created API token ${result.row.id} "${result.row.name}", valid until ${result.row.expires_at}. It is shown only now:`);
        console.log(result.token);
        return 0;
      }
      case 'audit:verify': {
        const report = await verifyAuditLog(database.db);
        (report.verdict.ok ? console.log : console.error)(report.message);
        return report.verdict.ok ? 0 : 2;
      }
      default:
        console.error(`Unknown command "${command}".\n`);
        process.stderr.write(help);
        return 1;
    }
  } finally {
    await database.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
