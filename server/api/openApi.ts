import { z } from 'zod';
import { AdHocQueryBody, ChangeFeedParams, ChangeRequestBody, GapParams, GraphParams, MatrixParams, SearchParams } from '../../model/index.js';
import { DecisionBody, RevertBody } from './changeRoutes.js';
import { LoginBody, NewUserBody, UserPatchBody } from '../../model/auth.js';
import { ROLE_CAPABILITIES } from '../../model/roles.js';
import { catalogue } from '../gaps/analyses.js';
import { reportPaths } from './openApiReports.js';
import { importPaths } from './openApiImports.js';
import { viewPaths } from './openApiViews.js';
import { analysisPaths } from './openApiAnalyses.js';
import { backupPaths } from './openApiBackup.js';
import { seminarPaths } from './openApiSeminars.js';
import { oidcPaths } from './openApiOidc.js';
import { mfaPaths } from './openApiMfa.js';
import { accountPaths } from './openApiAccount.js';

/**
 * The OpenAPI description served at /api/docs, built from the same zod schemas the
 * routes validate with, so the documentation cannot drift from what the server accepts.
 */

type Param = { name: string; in: 'query' | 'path'; required: boolean; description?: string; schema: unknown };

export function queryParams(schema: z.ZodType): Param[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

const idParam: Param = { name: 'id', in: 'path', required: true, description: 'a node id such as lcja-2008:action:2.5.7 or no:9', schema: { type: 'string' } };
export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
export const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Golden Thread API',
      version: '0.1.0',
      description:
        'Community justice plans as a graph: search, node detail, subgraphs as Cytoscape elements, the golden thread from actions to national outcomes, gap analyses, the coverage matrix and read-only Cypher. Every error is JSON: {"error": {"status", "code", "message", "issues"?}}.',
    },
    paths: {
      '/api/health': { get: { summary: 'Store kind, version and node and relationship counts', responses: { 200: ok('health') } } },
      '/api/search': {
        get: {
          summary: 'Nodes whose name, reference or alias matches, ranked: exact reference, then prefix, then words',
          parameters: queryParams(SearchParams),
          responses: { 200: ok('ranked results with id, kind, label, ref and plan'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/nodes/{id}': {
        get: {
          summary: 'Every property, provenance, and neighbours grouped by relationship',
          parameters: [idParam],
          responses: { 200: ok('the node'), 400: errorResponse('a malformed id'), 404: errorResponse('no such node') },
        },
      },
      '/api/graph': {
        get: {
          summary: 'A subgraph as Cytoscape elements JSON; filters intersect; kind is one kind or a comma-separated list',
          parameters: queryParams(GraphParams),
          responses: { 200: ok('elements and counts'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/thread/{id}': {
        get: {
          summary:
            'The golden thread: from an action, local outcome or priority every path up to national outcomes, aims and framework outcomes; from a milestone, progress update or indicator the thread of what it belongs to, starting from itself; from a national outcome, aim or framework outcome every action beneath it with its path and lead',
          parameters: [idParam],
          responses: {
            200: ok('paths as ordered node and edge ids, elements, and a plain-language description'),
            400: errorResponse('a node kind with no thread'),
            404: errorResponse('no such node'),
          },
        },
      },
      '/api/gaps': {
        get: {
          summary: 'The catalogue of gap analyses',
          responses: {
            200: ok(
              catalogue()
                .map((a) => a.id)
                .join(', '),
            ),
          },
        },
      },
      '/api/gaps/{id}': {
        get: {
          summary: "Runs one gap analysis: a one-line summary, a page of its rows (page gives offset, limit and the whole list's total) and the node ids to highlight",
          parameters: [
            {
              ...idParam,
              description: `one of ${catalogue()
                .map((a) => a.id)
                .join(', ')}`,
            },
            ...queryParams(GapParams),
          ],
          responses: { 200: ok('the analysis'), 400: errorResponse('a bad parameter, named'), 404: errorResponse('no such analysis') },
        },
      },
      '/api/matrix': {
        get: {
          summary: 'Coverage matrix: counts per cell and the action ids behind each cell',
          parameters: queryParams(MatrixParams),
          responses: { 200: ok('rows, cols, cells'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/changes': {
        post: {
          summary:
            'A change: operations (create, update, delete, link, unlink, addProgress) validated by the domain model, planned into a before/after diff and committed in one transaction with its audit entry; dryRun answers the diff and writes nothing. A partner editor’s change is queued for approval (202). Needs the edit or editOwnOrganisation capability and the x-csrf-token header.',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(ChangeRequestBody, { io: 'input', unrepresentable: 'any' }) } } },
          responses: {
            200: ok('a dry run: the diff, nothing written'),
            201: ok('committed: changeId and diff (nodes added/updated with the before and after of each field/removed, relationships added/removed)'),
            202: ok('a partner editor’s change, queued: its pending id and diff'),
            400: errorResponse('a malformed field, named by its path (operations.0.set.timescale)'),
            401: errorResponse('not signed in'),
            403: errorResponse('a role or organisation that may not make this change'),
            404: errorResponse('an unknown node or link, named'),
            409: errorResponse('a stale expectedVersion: error.current holds the current values'),
          },
        },
        get: {
          summary:
            'The audit feed, newest first, filtered by node, author, plan and time and paged with before; status=pending|approved|rejected lists the approval queue (editors all of it, a partner editor their own)',
          parameters: queryParams(ChangeFeedParams),
          responses: {
            200: ok('changes and next (the before of the following page)'),
            400: errorResponse('a bad parameter, named'),
            401: errorResponse('the queue needs an account'),
            403: errorResponse('the queue is for editors and partner editors'),
          },
        },
      },
      '/api/changes/{id}': {
        get: {
          summary: 'One committed change with its whole diff, or one queued change (pending:…)',
          parameters: [{ ...idParam, description: 'a change id (change:…) or pending id (pending:…)' }],
          responses: { 200: ok('the change'), 400: errorResponse('a malformed id'), 404: errorResponse('no such change') },
        },
      },
      '/api/changes/{id}/revert': {
        post: {
          summary: 'Undo: the inverse of a committed change committed as a new change (origin revert); reverting a revert redoes',
          parameters: [{ ...idParam, description: 'a change id' }],
          requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(RevertBody, { io: 'input' }) } } },
          responses: {
            201: ok('the new change'),
            400: errorResponse('a malformed id'),
            401: errorResponse('not signed in'),
            403: errorResponse('needs the edit capability'),
            404: errorResponse('no such change'),
            409: errorResponse('a later change touched these fields (issues name them)'),
          },
        },
      },
      '/api/changes/{id}/approve': {
        post: {
          summary: 'Commits a partner editor’s queued change as theirs, recording the approving editor',
          parameters: [{ ...idParam, description: 'a pending id' }],
          requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(DecisionBody, { io: 'input' }) } } },
          responses: {
            201: ok('the committed change'),
            401: errorResponse('not signed in'),
            403: errorResponse('needs the approve capability'),
            404: errorResponse('no such pending change'),
            409: errorResponse('already decided, or stale'),
          },
        },
      },
      '/api/changes/{id}/reject': {
        post: {
          summary: 'Refuses a partner editor’s queued change; nothing of it is applied',
          parameters: [{ ...idParam, description: 'a pending id' }],
          requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(DecisionBody, { io: 'input' }) } } },
          responses: {
            200: ok('rejected'),
            401: errorResponse('not signed in'),
            403: errorResponse('needs the approve capability'),
            404: errorResponse('no such pending change'),
            409: errorResponse('already decided'),
          },
        },
      },
      '/api/nodes/{id}/history': {
        get: {
          summary: 'A node’s provenance: the document it came from and every committed change that touched it (author, time, reason, change id, fields before and after)',
          parameters: [idParam],
          responses: { 200: ok('provenance and history'), 400: errorResponse('a malformed id'), 404: errorResponse('no such node, now or before') },
        },
      },
      '/api/events': {
        get: {
          summary:
            'Server-sent events: one committed event per commit (change id, actor, reason, origin, diff summary with node ids, and the whole diff when it is small), so open explorers refresh within a second',
          responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
        },
      },
      '/api/auth/login': {
        post: {
          summary:
            'Signs in with {username, password} (application/json only), and code or recoveryCode when the account has multi-factor on (401 mfa_required without one, mfa_code_invalid for a wrong or used one): sets the HTTP-only, SameSite=Lax session cookie gt_session (Secure over https), ends any session the browser had, and answers the session as GET /api/auth/session does. Failed sign-ins are limited per username and per client address.',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(LoginBody, { io: 'input' }) } } },
          responses: {
            200: ok('signedIn, user (id, username, name, role, organisationId, capabilities), csrfToken, expiresAt'),
            400: errorResponse('a malformed body, named'),
            401: errorResponse('wrong username or password (the same answer for an unknown username); mfa_required or mfa_code_invalid for the second factor'),
            415: errorResponse('not application/json'),
            429: errorResponse('too many failed sign-ins; Retry-After says when to try again'),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          summary: 'Signs out: deletes the session from the store and clears the cookie (x-csrf-token needed while signed in)',
          responses: { 200: ok('the anonymous session'), 403: errorResponse('missing or wrong x-csrf-token') },
        },
      },
      '/api/auth/session': {
        get: {
          summary: `Who is signed in: signedIn, anonymousRead, the user with role and capabilities (${Object.entries(ROLE_CAPABILITIES)
            .map(([r, c]) => `${r}: ${c.join(' ')}`)
            .join('; ')}), and the csrfToken to send in the x-csrf-token header with every POST, PUT, PATCH and DELETE`,
          responses: { 200: ok('the session, or {signedIn: false}') },
        },
      },
      '/api/users': {
        get: {
          summary: 'Every account (never a password hash); administrators only',
          responses: { 200: ok('users'), 401: errorResponse('not signed in'), 403: errorResponse('needs the manageUsers capability') },
        },
        post: {
          summary: 'Creates an account; a partner-editor needs the id of an Organisation node; administrators only',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(NewUserBody, { io: 'input' }) } } },
          responses: {
            201: ok('the account'),
            400: errorResponse('a bad field, named'),
            401: errorResponse('not signed in'),
            403: errorResponse('needs the manageUsers capability, or a missing x-csrf-token'),
            409: errorResponse('the username is taken'),
          },
        },
      },
      '/api/users/{username}': {
        patch: {
          summary: 'Changes name, role, organisationId or password (a new password signs the account out everywhere); the last administrator keeps the role',
          parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(UserPatchBody, { io: 'input' }) } } },
          responses: {
            200: ok('the account'),
            400: errorResponse('a bad field, named'),
            401: errorResponse('not signed in'),
            403: errorResponse('needs the manageUsers capability, or a missing x-csrf-token'),
            404: errorResponse('no such account'),
            409: errorResponse('it is the last administrator'),
          },
        },
        delete: {
          summary: 'Removes an account and its sessions; never the last administrator',
          parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            204: { description: 'removed' },
            401: errorResponse('not signed in'),
            403: errorResponse('needs the manageUsers capability, or a missing x-csrf-token'),
            404: errorResponse('no such account'),
            409: errorResponse('it is the last administrator'),
          },
        },
      },
      '/api/query': {
        post: {
          summary: "Read-only Cypher for analysts: runs only when the engine's plan for it only reads (rate limited; capped in rows, bytes and time)",
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(AdHocQueryBody, { io: 'input' }) } } },
          responses: {
            200: ok('columns, rows, truncated, elapsedMs'),
            400: errorResponse("a bad body, parameters over their bounds, or a query the engine rejects (in our words, never the engine's)"),
            403: errorResponse(
              'query_refused: the plan does more than read, with the reason; or the console is closed to this caller (console_off, sign_in_required, forbidden); or a foreign Host or Origin',
            ),
            429: errorResponse('too many queries'),
            503: errorResponse('query_timeout, query_too_large, query_crashed, or busy: the console already runs its most queries at once'),
          },
        },
      },
      ...reportPaths(),
      ...importPaths(),
      ...viewPaths(),
      ...analysisPaths(),
      ...backupPaths(),
      ...seminarPaths(),
      ...oidcPaths(),
      ...mfaPaths(),
      ...accountPaths(),
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer' },
                code: { type: 'string' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
