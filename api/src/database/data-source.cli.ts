import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// For `typeorm migration:generate`: needs DATABASE_URL pointing at a migrated database.
const url = process.env.DATABASE_URL;
if (url === undefined) throw new Error('DATABASE_URL is required to generate a migration');

export default new DataSource(dataSourceOptions(url));
