import { describe, expect, it } from 'vitest';
import { blockedMinutes, newServiceId } from './services';

describe('services', () => {
  it('derives a URL-safe id from a German name and keeps it unique', () => {
    expect(newServiceId('Erstgespräch', [])).toBe('erstgesprach');
    expect(newServiceId('Paartherapie (90 Min.)', [])).toBe('paartherapie-90-min');
    expect(newServiceId('Fußpflege', [])).toBe('fusspflege');
    expect(newServiceId('Erstgespräch', [{ id: 'erstgesprach', name: 'x', durationMinutes: 50 }])).toBe('erstgesprach-2');
    expect(newServiceId('', [])).toBe('leistung');
  });

  it('a booking blocks duration plus buffers', () => {
    expect(blockedMinutes({ id: 'a', name: 'a', durationMinutes: 50, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 })).toBe(65);
    expect(blockedMinutes({ id: 'a', name: 'a', durationMinutes: 50 })).toBe(50);
  });
});
