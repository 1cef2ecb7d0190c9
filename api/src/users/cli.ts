// `npm run users -- add --email a@vgregion.se --name "Anna A" --role facilitator [--role admin]`
// The password is read from standard input (first line), so it never appears in the shell history.
// Uses MONGODB_URI, or the embedded database in DATA_DIR (stop `npm start` first when using the embedded one).
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CreateUserSchema, fieldErrorsFromIssues, genericIssueKey } from '../../contract/index.ts';
import { createAuditLog } from '../audit/repository.ts';
import { createSessionStore } from '../auth/sessions.ts';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connection.ts';
import { ensureFerretdbBinary, startFerretdb, type RunningFerretdb } from '../db/embeddedFerretdb.ts';
import { ensureIndexes } from '../db/indexes.ts';
import { AppError } from '../http/errors.ts';
import { createUserRepository } from './repository.ts';
import { createUserService } from './service.ts';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true } },
  });
  if (positionals[0] !== 'add') {
    process.stderr.write('usage: npm run users -- add --email EMAIL --name NAME --role ROLE [--role ROLE] < password\n');
    return 2;
  }
  const parsed = CreateUserSchema.safeParse(
    { email: values.email, displayName: values.name ?? values.email, roles: values.role ?? [], password: await readPassword() },
    { error: genericIssueKey },
  );
  if (!parsed.success) {
    process.stderr.write(`Not valid: ${JSON.stringify(fieldErrorsFromIssues(parsed.error.issues))}\n`);
    return 1;
  }
  const config = loadConfig();
  let embedded: RunningFerretdb | undefined;
  let uri = config.mongodbUri;
  if (uri === undefined) {
    const binary = await ensureFerretdbBinary(config.ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
    embedded = await startFerretdb(binary, { handler: 'sqlite', directory: path.join(config.dataDir, 'ferretdb') });
    uri = `${embedded.uri}medskapa`;
  }
  const connection = await connectDatabase({ uri, serverSelectionTimeoutMs: config.serverSelectionTimeoutMs, ...(embedded === undefined ? {} : { dbName: 'medskapa' }) });
  try {
    await ensureIndexes(connection);
    const users = createUserRepository(connection);
    const now = () => new Date();
    const service = createUserService({ users, sessions: createSessionStore(connection, users, now), audit: createAuditLog(connection, now), now });
    const user = await service.createUser(parsed.data, undefined);
    process.stdout.write(`Created ${user.email} (${user.roles.join(', ')}), id ${user.id}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof AppError ? `${error.message} ${JSON.stringify(error.fields ?? {})}` : String(error)}\n`);
    return 1;
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

process.exitCode = await main();
