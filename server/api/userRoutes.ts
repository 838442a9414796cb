import { Router } from 'express';
import { z } from 'zod';
import { NewUserBody, UserPatchBody } from '../../model/auth.js';
import type { Auth } from '../auth/auth.js';
import { requireCapability } from '../auth/middleware.js';
import { parseRequest } from './validateRequest.js';

/** /api/users: accounts and roles, for administrators only (the manageUsers capability). */
export function userRoutes(auth: Auth): Router {
  const router = Router();
  const admin = requireCapability('manageUsers');
  const UsernameParam = z.strictObject({ username: z.string().min(1).max(200) });

  router.get('/users', admin, async (_req, res) => {
    res.json({ users: await auth.accounts.list() });
  });
  router.post('/users', admin, async (req, res) => {
    const body = parseRequest(NewUserBody, req.body ?? {}, 'body');
    res.status(201).json(await auth.accounts.create(body));
  });
  router.patch('/users/:username', admin, async (req, res) => {
    const { username } = parseRequest(UsernameParam, req.params, 'path');
    const patch = parseRequest(UserPatchBody, req.body ?? {}, 'body');
    res.json(await auth.accounts.update(username.toLowerCase(), patch));
  });
  router.delete('/users/:username', admin, async (req, res) => {
    const { username } = parseRequest(UsernameParam, req.params, 'path');
    await auth.accounts.remove(username.toLowerCase());
    res.status(204).end();
  });
  return router;
}
