export interface RunningEngine {
  /** Human-readable engine name reported by /api/health and logged at start. */
  engine: string;
  kind: 'external' | 'mongod' | 'dev';
  uri: string;
  pid?: number | undefined;
  stop(): Promise<void>;
}
