import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (never the global one). Query operators cannot come from
 * requests: every body, query and path parameter is schema-validated (strings are strings) first.
 */
export async function openConnection(uri: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    autoIndex: false, // indexes are created once by ensureIndexes, at start-up
    autoCreate: true,
    serverSelectionTimeoutMS: 15_000,
  });
  connection.set('strictQuery', 'throw');
  await connection.asPromise();
  return connection;
}

/**
 * Makes each registered model's indexes exactly those declared in its schema file: missing ones are
 * created, and ones no longer declared (or declared with other options) are dropped, so a changed
 * index reaches an existing database at the next start.
 */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) await model.syncIndexes();
}
