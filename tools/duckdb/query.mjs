// Runs one SQL statement with DuckDB in the current directory and prints the rows as CSV
// (header, then one line per row), so a test can compare them with figures it computes itself.
import { DuckDBInstance } from '@duckdb/node-api';

const sql = process.argv[2];
if (!sql) {
  console.error('usage: node query.mjs "SQL"');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
console.log(reader.columnNames().join(','));
for (const row of reader.getRowsJS()) {
  console.log(row.map(v => (v === null ? '' : String(v))).join(','));
}
