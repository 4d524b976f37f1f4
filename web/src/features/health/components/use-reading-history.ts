import { useState } from 'react';
import type { HealthReading } from '../api/get-health';

/** Keeps the last `size` readings, newest last (state derived during render, not in an effect). */
export function useReadingHistory(reading: HealthReading | undefined, size = 20): HealthReading[] {
  const [history, setHistory] = useState<HealthReading[]>([]);
  const [latest, setLatest] = useState<HealthReading | undefined>(undefined);
  if (reading !== undefined && reading !== latest) {
    setLatest(reading);
    setHistory([...history, reading].slice(-size));
  }
  return history;
}
