import mongoose, { type Connection } from 'mongoose';

export interface DatabaseOptions {
  readonly uri: string;
  readonly dbName?: string;
  readonly serverSelectionTimeoutMs?: number;
}

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

/** One Mongoose connection: no command buffering, fast failure, indexes created explicitly. */
export async function connectDatabase(options: DatabaseOptions): Promise<Connection> {
  const timeout = options.serverSelectionTimeoutMs ?? 2000;
  const connection = mongoose.createConnection(options.uri, {
    ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    socketTimeoutMS: 30_000,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    sanitizeFilter: true,
    maxPoolSize: 50,
  });
  await connection.asPromise();
  return connection;
}

/** Answers whether the database responds to ping within the timeout. */
export async function pingDatabase(connection: Connection, timeoutMs = 1500): Promise<boolean> {
  const db = connection.db;
  if (db === undefined) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = db.command({ ping: 1 }).then(() => true, () => false);
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
