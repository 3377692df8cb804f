import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase, sqliteFileIn } from '../db/database.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { seedDemoData, seedReferenceData } from '../db/seed/seed.js';
import { helsinkiYear } from '../domain/helsinki-time.js';
import { chairSchedule, clearChairOverride, overrideChairYear } from '../features/chair/chair.commands.js';

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
          console.log(`Demo rows added: ${await seedDemoData(database.db)}`);
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
        const result = await overrideChairYear(database.db, Number(values.year), values.region, values.reason);
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
        console.log((await clearChairOverride(database.db, Number(values.year))) ? 'Override removed.' : 'There was no override for that year.');
        return 0;
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
