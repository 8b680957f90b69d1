// A feed table as Parquet through hyparquet-writer: every column OPTIONAL with its logical type (STRING,
// INT32, INT64, DOUBLE, DATE, TIMESTAMP in milliseconds adjusted to UTC, JSON), Snappy-compressed, one
// row group per page of the export so memory stays bounded by the page, not the table.
// Each annotated column carries both the LogicalType and the ConvertedType it corresponds to: readers
// go by the LogicalType (so DuckDB reads our timestamps as TIMESTAMP WITH TIME ZONE, which it does not
// for TIMESTAMP_MILLIS alone), and the format's compatibility rules ask writers to keep the
// ConvertedType for readers that predate LogicalType; TIMESTAMP_MILLIS means UTC-adjusted too.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { FeedColumns, FeedRow, FeedType } from '../store/feed-rows.ts';
import { DurableFile } from './durable.ts';
import type { TableWriter } from './table-writer.ts';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const ELEMENT: Record<FeedType, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
  int: { type: 'INT32' },
  bigint: { type: 'INT64' },
  double: { type: 'DOUBLE' },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON', logical_type: { type: 'JSON' } },
};

const DAY_MS = 86_400_000;

function columnData(type: FeedType, values: unknown[]): unknown[] {
  switch (type) {
    case 'bigint':
      return values.map((v) => (v === null ? null : BigInt(v as number)));
    case 'date':
      // Days since 1970-01-01, from the ISO day itself: no time zone can shift it.
      return values.map((v) => (v === null ? null : Date.parse(`${v as string}T00:00:00Z`) / DAY_MS));
    case 'timestamp':
      return values.map((v) => (v === null ? null : BigInt((v as Date).getTime())));
    case 'json':
      // The writer serialises JSON columns itself; handing it our text would write a JSON string.
      // Our text is JSON.stringify output, so parsing and stringifying again gives the same bytes.
      return values.map((v) => (v === null ? null : JSON.parse(v as string)));
    default:
      return values;
  }
}

export async function openParquet<C extends FeedColumns>(file: string, columns: C): Promise<TableWriter<C>> {
  const out = await DurableFile.create(file);
  const entries = Object.entries(columns);
  const bytes = new ByteWriter();
  const schema: SchemaElement[] = [
    { name: 'root', num_children: entries.length },
    ...entries.map(([name, type]) => ({ name, ...ELEMENT[type], repetition_type: 'OPTIONAL' as const })),
  ];
  const writer = new ParquetWriter({ writer: bytes, schema, createdBy: 'filings export (hyparquet-writer)' });
  // Hands what the writer has encoded so far to the file, so the buffer never holds more than a page.
  const drain = async () => {
    if (bytes.index === 0) return;
    await out.append(new Uint8Array(bytes.buffer.slice(0, bytes.index)));
    bytes.index = 0;
  };
  await drain();
  return {
    async write(rows: FeedRow<C>[]) {
      if (rows.length === 0) return;
      const data = entries.map(([name, type]) => ({ name, data: columnData(type, rows.map((r) => r[name] ?? null)) }));
      await writer.write({ columnData: data as never, rowGroupSize: rows.length });
      await drain();
    },
    async close() {
      await writer.finish();
      await drain();
      return out.close();
    },
  };
}
