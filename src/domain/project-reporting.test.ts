import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPeriod, leadMayEdit, officersMayReview, reportTiming } from './project-reporting.js';

const period = { periodEnd: '2027-12-31', dueDate: '2028-01-31' };

describe('reportTiming', () => {
  it('is not due during the period, open until the due date, late the day after it', () => {
    assert.equal(reportTiming(period, null, '2027-12-31'), 'not-due');
    assert.equal(reportTiming(period, null, '2028-01-01'), 'open');
    assert.equal(reportTiming(period, null, '2028-01-31'), 'open');
    assert.equal(reportTiming(period, null, '2028-02-01'), 'late');
  });
  it('judges a submitted report by its first submission: on the due date is on time', () => {
    assert.equal(reportTiming(period, '2028-01-31', '2028-03-01'), 'on-time');
    assert.equal(reportTiming(period, '2028-02-01', '2028-03-01'), 'submitted-late');
    assert.equal(reportTiming(period, '2027-12-15', '2027-12-20'), 'on-time');
  });
});

describe('who may act on a report', () => {
  it('lets the lead partner edit only a new, draft or returned report, and officers review only a submitted one', () => {
    assert.deepEqual([null, 'draft', 'submitted', 'accepted', 'returned'].map((s) => leadMayEdit(s as never)), [true, true, false, false, true]);
    assert.deepEqual([null, 'draft', 'submitted', 'accepted', 'returned'].map((s) => officersMayReview(s as never)), [false, false, true, false, false]);
  });
});

describe('checkPeriod', () => {
  const project = { startDate: '2027-01-01', endDate: '2028-12-31' };
  it('accepts a period inside the project that overlaps no other of its kind', () => {
    assert.deepEqual(checkPeriod({ kind: 'progress', start: '2028-01-01', end: '2028-06-30', due: '2028-07-31' }, project, [{ kind: 'progress', start: '2027-01-01', end: '2027-12-31' }, { kind: 'final', start: '2027-01-01', end: '2028-12-31' }]), []);
  });
  it('names each problem', () => {
    assert.deepEqual(checkPeriod({ kind: 'progress', start: '2027-06-01', end: '2027-05-31', due: '2027-05-01' }, project, []), ['end-before-start', 'due-before-end']);
    assert.deepEqual(checkPeriod({ kind: 'progress', start: '2029-01-01', end: '2029-06-30', due: '2029-07-31' }, project, []), ['outside-project']);
    assert.deepEqual(checkPeriod({ kind: 'progress', start: '2027-12-31', end: '2028-03-31', due: '2028-04-30' }, project, [{ kind: 'progress', start: '2027-01-01', end: '2027-12-31' }]), ['overlaps']);
  });
});
