import { describe, expect, it } from 'vitest';
import { effectiveScopes, requestFor, roleOf } from './staffRoles';

describe('staff roles and scopes', () => {
  it('reads the role back from the scopes the API answers', () => {
    expect(roleOf(['appointments'])).toBe('SECRETARY');
    expect(roleOf(['finances', 'invoicing', 'reports'])).toBe('ACCOUNTING');
    expect(roleOf(['appointments', 'audit'])).toBe('CUSTOM');
    expect(roleOf(['invoicing'])).toBe('CUSTOM');
  });

  it('a role with extra scopes becomes CUSTOM with all of them; a plain role is sent as is', () => {
    expect(requestFor('SECRETARY', [])).toEqual({ role: 'SECRETARY' });
    expect(requestFor('SECRETARY', ['appointments'])).toEqual({ role: 'SECRETARY' });
    expect(requestFor('SECRETARY', ['audit'])).toEqual({ role: 'CUSTOM', scopes: ['appointments', 'audit'] });
    expect(requestFor('CUSTOM', ['audit', 'documentation'])).toEqual({ role: 'CUSTOM', scopes: ['documentation', 'audit'] });
    expect(effectiveScopes('ACCOUNTING', ['audit'])).toEqual(['invoicing', 'reports', 'finances', 'audit']);
  });
});
