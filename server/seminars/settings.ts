/**
 * Seminar limits and options, read from the environment by server/config.ts (GT_SEMINAR_*).
 * The defaults fit a room of a few hundred on one laptop: a message is a proposal with
 * a handful of operations (a few KB); the facilitator's camera sends at most ~20 moves a
 * second (the client throttles to one per animation frame, 50 ms), which the rate leaves room for.
 */
export type SeminarSettings = {
  /** Participants must be signed in to join (on top of a seminar's own choice). */
  requireSignIn: boolean;
  /** Socket connections at once in one seminar (a participant with two tabs counts twice). */
  maxConnectionsPerSeminar: number;
  /** Socket connections at once on the server, all seminars together. */
  maxConnections: number;
  /** A message larger than this (its JSON) is refused to its sender. */
  maxMessageBytes: number;
  /** Messages a second per client, sustained; `rateBurst` may come at once. */
  ratePerSecond: number;
  rateBurst: number;
  /** Refusals for rate in a row after which the client is disconnected as a flooder. */
  floodDisconnectAfter: number;
};

export const DEFAULT_SEMINAR_SETTINGS: SeminarSettings = {
  requireSignIn: false,
  maxConnectionsPerSeminar: 300,
  maxConnections: 1000,
  maxMessageBytes: 32 * 1024,
  ratePerSecond: 30,
  rateBurst: 60,
  floodDisconnectAfter: 100,
};

/**
 * engine.io closes a connection whose frame is over this (maxHttpBufferSize): a margin
 * over the per-message limit, so that an oversized message is refused politely and only
 * a grossly oversized one costs its sender the connection.
 */
export const hardFrameLimit = (s: SeminarSettings) => s.maxMessageBytes * 4;
