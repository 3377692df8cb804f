import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toAppError } from '../http/plugins/error-handler.js';
import { isUniqueViolation } from './errors.js';

describe('unique-index races', () => {
  it('are recognised on both databases and answered as a conflict, not a server error', () => {
    const postgres = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const sqlite = Object.assign(new Error('UNIQUE constraint failed: strategies.slug'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    assert.equal(isUniqueViolation(postgres), true);
    assert.equal(isUniqueViolation(sqlite), true);
    assert.equal(isUniqueViolation(Object.assign(new Error('foreign key'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })), false);
    assert.equal(toAppError(postgres).status, 409);
    assert.equal(toAppError(sqlite).code, 'CONFLICT');
  });
});
