/** What supertest hands a custom body parser: the answer as a stream of chunks. */
interface ChunkStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

/** A supertest body parser (`.buffer(true).parse(bytesBody)`) that keeps the answer as bytes: DOCX, XLSX, CSV with a BOM. */
export function bytesBody(res: ChunkStream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
