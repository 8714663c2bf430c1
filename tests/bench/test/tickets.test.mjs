import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longTickets, ticketsFrom } from '../lib/tickets.mjs';

const questions = [
  { qid: 'en-q-001', q: 'outlook keeps freezing', relevant: ['a'], kind: 'natural' },
  { qid: 'en-q-002', q: 'how do I share a calendar?', relevant: ['b', 'c'], kind: 'natural' },
];

test('tickets wrap each question, keep its answers, and are the same on every run', () => {
  const tickets = ticketsFrom(questions, 'en');
  assert.deepEqual(ticketsFrom(questions, 'en'), tickets);
  assert.notDeepEqual(ticketsFrom(questions, 'en', 1), tickets);
  for (const [i, t] of tickets.entries()) {
    assert.equal(t.kind, 'ticket');
    assert.equal(t.qid, questions[i].qid.replace('-q-', '-t-'));
    assert.deepEqual(t.relevant, questions[i].relevant);
    assert.equal(t.question, questions[i].q);
    // The question's words are all there, with a greeting before and a signature after.
    for (const w of questions[i].q.replace('?', '').split(' ')) assert.match(t.q.toLowerCase(), new RegExp(`\\b${w.toLowerCase()}\\b`));
    assert.ok(t.q.split('\n').length >= 4, t.q);
  }
});

test('long tickets reach 300 words and keep the ticket', () => {
  const tickets = ticketsFrom(questions, 'en');
  for (const [i, text] of longTickets(tickets, 'en').entries()) {
    assert.ok(text.split(/\s+/).length >= 300);
    assert.ok(text.endsWith(tickets[i].q));
  }
  const zh = longTickets(ticketsFrom([{ qid: 'zh-q-001', q: '忘记root密码怎么办', relevant: ['x'] }], 'zh'), 'zh')[0];
  assert.ok((zh.match(/\p{Script=Han}/gu) ?? []).length >= 500, zh);
});
