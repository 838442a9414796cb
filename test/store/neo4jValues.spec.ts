import neo4j, { type Integer } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, nodePropertyColumns } from '../../model/index.js';
import { translate } from '../../server/store/neo4j/neo4jStore.js';
import { ANY_NODE_LABEL, fromNeo4j, rowOf, toNeo4jParams } from '../../server/store/neo4j/values.js';
import { StoreError } from '../../server/store/port.js';

/**
 * The Neo4j adapter's value mapping, exercised with the driver's own types (the
 * objects the driver hydrates from Bolt), so no server is needed.
 */

const { Node, Relationship, Path, PathSegment, Point } = neo4j.types;
const int = neo4j.int;

function node(id: number, labels: string[], properties: Record<string, unknown>) {
  return new Node(int(id), labels, properties, `4:db:${id}`);
}

function relationship(id: number, start: number, end: number, type: string, properties: Record<string, unknown>) {
  return new Relationship(int(id), int(start), int(end), type, properties, `5:db:${id}`, `4:db:${start}`, `4:db:${end}`);
}

function asInteger(value: unknown): Integer {
  expect(neo4j.isInt(value)).toBe(true);
  return value as Integer;
}

// ---------------------------------------------------------------- integers

describe('integers coming back from Neo4j', () => {
  it.each([
    ['zero', int(0), 0],
    ['a small count', int(75), 75],
    ['a negative number', int(-42), -42],
    ['the largest safe integer', int(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    ['the smallest safe integer', int(Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER],
  ])('turn %s into a JavaScript number', (_what, value, expected) => {
    const out = fromNeo4j(value);
    expect(out).toBe(expected);
    expect(typeof out).toBe('number');
  });

  it.each([
    ['one past the safe range', int('9007199254740992'), '9007199254740992'],
    ['an odd value a double cannot hold', int('9007199254740993'), '9007199254740993'],
    ['the largest 64-bit integer', int('9223372036854775807'), '9223372036854775807'],
    ['the smallest 64-bit integer', int('-9223372036854775808'), '-9223372036854775808'],
  ])('turn %s into its exact decimal string', (_what, value, expected) => {
    expect(fromNeo4j(value)).toBe(expected);
  });

  it('treat BigInt (the driver with useBigInt) the same way', () => {
    expect(fromNeo4j(75n)).toBe(75);
    expect(fromNeo4j(9007199254740993n)).toBe('9007199254740993');
    expect(fromNeo4j(-9223372036854775808n)).toBe('-9223372036854775808');
  });

  it('leave floats, strings, booleans and null as they are', () => {
    expect(fromNeo4j(164000.5)).toBe(164000.5);
    expect(fromNeo4j(164000)).toBe(164000);
    expect(fromNeo4j('2.5.7')).toBe('2.5.7');
    expect(fromNeo4j(false)).toBe(false);
    expect(fromNeo4j(null)).toBeNull();
    expect(fromNeo4j(undefined)).toBeNull();
  });

  it('are converted inside lists and maps', () => {
    expect(fromNeo4j([int(1), [int(2), 2.5], { count: int(3), big: int('9007199254740993') }])).toEqual([1, [2, 2.5], { count: 3, big: '9007199254740993' }]);
  });
});

// ---------------------------------------------------------------- parameters

describe('parameters going to Neo4j', () => {
  it('send integral numbers as the driver Integer, with the same value', () => {
    const out = toNeo4jParams({ version: 2, delegates: 75, provLineFrom: 108, negative: -3, edge: Number.MAX_SAFE_INTEGER });
    expect(asInteger(out.version).toNumber()).toBe(2);
    expect(asInteger(out.delegates).toNumber()).toBe(75);
    expect(asInteger(out.provLineFrom).toNumber()).toBe(108);
    expect(asInteger(out.negative).toNumber()).toBe(-3);
    expect(asInteger(out.edge).toString()).toBe(String(Number.MAX_SAFE_INTEGER));
  });

  it('send BigInt as the driver Integer without loss', () => {
    expect(asInteger(toNeo4jParams({ n: 9223372036854775807n }).n).toString()).toBe('9223372036854775807');
  });

  it('keep fractional numbers as floats', () => {
    expect(toNeo4jParams({ threshold: 0.5 })).toEqual({ threshold: 0.5 });
  });

  it('keep a DOUBLE property of the model a float even when it is whole (164000 pounds)', () => {
    const out = toNeo4jParams({ amountGbp: 164000 });
    expect(neo4j.isInt(out.amountGbp)).toBe(false);
    expect(out.amountGbp).toBe(164000);
  });

  it('know every DOUBLE column of the model (the list is derived, not written by hand)', () => {
    const doubles = NODE_KINDS.flatMap((k) => nodePropertyColumns(k)).filter((c) => c.type === 'DOUBLE');
    expect(doubles.map((c) => c.name)).toContain('amountGbp');
    for (const column of doubles) expect(neo4j.isInt(toNeo4jParams({ [column.name]: 7 })[column.name])).toBe(false);
  });

  it('apply the same rules inside nested maps, by the key of each value', () => {
    const out = toNeo4jParams({ props: { amountGbp: 5000, delegates: 40, title: 'Seminar', nested: { amountGbp: 1, version: 3 } } });
    const props = out.props as Record<string, unknown>;
    expect(props.amountGbp).toBe(5000);
    expect(asInteger(props.delegates).toNumber()).toBe(40);
    expect(props.title).toBe('Seminar');
    const nested = props.nested as Record<string, unknown>;
    expect(nested.amountGbp).toBe(1);
    expect(asInteger(nested.version).toNumber()).toBe(3);
  });

  it('apply the same rules inside lists', () => {
    const out = toNeo4jParams({ lines: [108, 113], amountGbp: [1000, 2000.5], rows: [{ amountGbp: 10, version: 1 }] });
    expect((out.lines as unknown[]).map((v) => asInteger(v).toNumber())).toEqual([108, 113]);
    expect(out.amountGbp).toEqual([1000, 2000.5]);
    const [row] = out.rows as Record<string, unknown>[];
    expect(row!.amountGbp).toBe(10);
    expect(asInteger(row!.version).toNumber()).toBe(1);
  });

  it('turn undefined into null and leave strings, booleans and null alone', () => {
    expect(toNeo4jParams({ a: undefined, b: null, c: 'text', d: true, e: ['x', undefined] })).toEqual({
      a: null,
      b: null,
      c: 'text',
      d: true,
      e: ['x', null],
    });
  });

  it('do not change the caller’s object', () => {
    const params = { version: 1, props: { delegates: 2 } };
    toNeo4jParams(params);
    expect(params).toEqual({ version: 1, props: { delegates: 2 } });
  });
});

// ---------------------------------------------------------------- graph values

describe('nodes from Neo4j', () => {
  it.each([
    ['after the kind', ['Action', ANY_NODE_LABEL]],
    ['before the kind', [ANY_NODE_LABEL, 'Action']],
  ])('hide the GTNode label when it comes %s', (_where, labels) => {
    const value = fromNeo4j(node(1, labels, { id: 'lcja-2008:action:2.5.7', version: int(3), dueDate: '2008-08-31' }));
    expect(value).toEqual({
      graph: 'node',
      label: 'Action',
      properties: { id: 'lcja-2008:action:2.5.7', version: 3, dueDate: '2008-08-31' },
    });
  });

  it('keep the label of a node created outside Golden Thread (no GTNode)', () => {
    expect(fromNeo4j(node(2, ['Plan'], {}))).toMatchObject({ graph: 'node', label: 'Plan' });
  });

  it('convert property values: integers, floats, lists', () => {
    const value = fromNeo4j(node(3, ['Funding', ANY_NODE_LABEL], { amountGbp: 164000.5, provLineFrom: int(108), details: ['a', 'b'], huge: int('9007199254740993') }));
    expect(value).toMatchObject({ properties: { amountGbp: 164000.5, provLineFrom: 108, details: ['a', 'b'], huge: '9007199254740993' } });
  });
});

describe('relationships from Neo4j', () => {
  it('carry their type and plain properties, without driver ids', () => {
    const value = fromNeo4j(relationship(10, 1, 2, 'SERVES', { id: 'a|SERVES|b', linkBasis: 'printed number', provLineTo: int(113) }));
    expect(value).toEqual({
      graph: 'relationship',
      type: 'SERVES',
      properties: { id: 'a|SERVES|b', linkBasis: 'printed number', provLineTo: 113 },
    });
  });
});

describe('paths from Neo4j', () => {
  it('list every node in order and the relationships between them', () => {
    const action = node(1, ['Action', ANY_NODE_LABEL], { id: 'action' });
    const local = node(2, [ANY_NODE_LABEL, 'LocalOutcome'], { id: 'local' });
    const national = node(3, ['NationalOutcome', ANY_NODE_LABEL], { id: 'no:9', number: int(9) });
    const r1 = relationship(10, 1, 2, 'SERVES', { id: 'r1' });
    const r2 = relationship(11, 2, 3, 'SERVES', { id: 'r2' });
    const path = new Path(action, national, [new PathSegment(action, r1, local), new PathSegment(local, r2, national)]);
    expect(fromNeo4j(path)).toEqual({
      graph: 'path',
      nodes: [
        { graph: 'node', label: 'Action', properties: { id: 'action' } },
        { graph: 'node', label: 'LocalOutcome', properties: { id: 'local' } },
        { graph: 'node', label: 'NationalOutcome', properties: { id: 'no:9', number: 9 } },
      ],
      relationships: [
        { graph: 'relationship', type: 'SERVES', properties: { id: 'r1' } },
        { graph: 'relationship', type: 'SERVES', properties: { id: 'r2' } },
      ],
    });
  });

  it('of length zero hold the one node and no relationships', () => {
    const only = node(1, ['Plan', ANY_NODE_LABEL], { id: 'plan' });
    expect(fromNeo4j(new Path(only, only, []))).toEqual({
      graph: 'path',
      nodes: [{ graph: 'node', label: 'Plan', properties: { id: 'plan' } }],
      relationships: [],
    });
  });
});

// ---------------------------------------------------------------- temporal and spatial

describe('temporal values from Neo4j', () => {
  const t = neo4j.types;
  it.each([
    ['a date', new t.Date(int(2008), int(8), int(31)), '2008-08-31'],
    ['a local date-time', new t.LocalDateTime(int(2008), int(8), int(31), int(9), int(5), int(3), int(0)), '2008-08-31T09:05:03'],
    ['a date-time with an offset', new t.DateTime(int(2008), int(8), int(31), int(9), int(5), int(3), int(5_000_000), int(3600)), '2008-08-31T09:05:03.005000000+01:00'],
    ['a date-time with a zone id', new t.DateTime(int(2008), int(8), int(31), int(9), int(5), int(3), int(0), undefined, 'Europe/London'), '2008-08-31T09:05:03[Europe/London]'],
    ['a time', new t.Time(int(9), int(5), int(3), int(0), int(0)), '09:05:03Z'],
    ['a local time', new t.LocalTime(int(9), int(5), int(3), int(1)), '09:05:03.000000001'],
    ['a duration', new t.Duration(int(14), int(3), int(3600), int(0)), 'P1Y2M3DT1H'],
  ])('turn %s into its ISO 8601 string', (_what, value, expected) => {
    expect(fromNeo4j(value)).toBe(expected);
  });

  it('are converted inside maps', () => {
    expect(fromNeo4j({ asOf: new neo4j.types.Date(int(2010), int(3), int(31)) })).toEqual({ asOf: '2010-03-31' });
  });
});

describe('points from Neo4j', () => {
  it('become plain maps with a numeric srid', () => {
    expect(fromNeo4j(new Point(int(7203), 1.5, 2.5))).toEqual({ srid: 7203, x: 1.5, y: 2.5 });
    expect(fromNeo4j(new Point(int(4979), -3.2, 55.9, 120))).toEqual({ srid: 4979, x: -3.2, y: 55.9, z: 120 });
  });
});

// ---------------------------------------------------------------- records

describe('records from Neo4j', () => {
  it('become plain rows keyed by column', () => {
    const record = new neo4j.types.Record(['kind', 'count', 'n'], ['Action', int(147), node(1, [ANY_NODE_LABEL, 'Action'], { id: 'a' })]);
    expect(rowOf(record)).toEqual({
      kind: 'Action',
      count: 147,
      n: { graph: 'node', label: 'Action', properties: { id: 'a' } },
    });
  });
});

// ---------------------------------------------------------------- errors

describe('translate: Neo4j errors as the port’s error kinds', () => {
  const driverError = (code: string, message = 'the server said no') => new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');

  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'timeout'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timeout'],
    ['Neo.ClientError.Statement.AccessMode', 'read-only'],
    ['Neo.ClientError.Transaction.ForbiddenDueToTransactionType', 'read-only'],
    [neo4j.error.SERVICE_UNAVAILABLE, 'unavailable'],
    [neo4j.error.SESSION_EXPIRED, 'unavailable'],
    ['Neo.ClientError.Statement.SyntaxError', 'query'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'query'],
    ['Neo.DatabaseError.General.UnknownError', 'query'],
  ] as const)('maps %s to %s', (code, kind) => {
    const err = translate(driverError(code), 'gaps/unserved-outcomes');
    expect(err).toBeInstanceOf(StoreError);
    expect(err.code).toBe(kind);
    expect(err.query).toBe('gaps/unserved-outcomes');
  });

  it('names the query in the message of a timeout and of a refused write', () => {
    expect(translate(driverError('Neo.ClientError.Transaction.TransactionTimedOut'), 'ad hoc').message).toBe('query ad hoc ran over its time limit');
    expect(translate(driverError('Neo.ClientError.Statement.AccessMode'), 'ad hoc').message).toMatch(/^query ad hoc tried to write/);
  });

  it('keeps the driver’s message for an unavailable server and for a failed query', () => {
    expect(translate(driverError(neo4j.error.SERVICE_UNAVAILABLE, 'connection refused'), 'x').message).toBe('Neo4j is unavailable: connection refused');
    expect(translate(driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input RETRUN'), 'stats/count-nodes').message).toBe('query stats/count-nodes failed: Invalid input RETRUN');
  });

  it('passes a StoreError through unchanged', () => {
    const original = new StoreError('already translated', 'nodes/get-node', 'timeout');
    expect(translate(original, 'other')).toBe(original);
  });

  it('treats an error without a code as a failed query', () => {
    const err = translate(new TypeError('cannot read properties of undefined'), 'nodes/get-node');
    expect(err).toMatchObject({ code: 'query', query: 'nodes/get-node', message: 'query nodes/get-node failed: cannot read properties of undefined' });
  });
});
