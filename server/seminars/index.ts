import { changePipelineFor } from '../changes/pipeline.js';
import type { GraphStore } from '../store/port.js';
import { SeminarService } from './service.js';
import { DEFAULT_SEMINAR_SETTINGS, type SeminarSettings } from './settings.js';

const services = new WeakMap<GraphStore, SeminarService>();

/**
 * The store's seminar service: the HTTP routes and the socket server share it, so a
 * proposal made over HTTP reaches every socket. The first caller's settings stand.
 */
export function seminarServiceFor(store: GraphStore, settings: SeminarSettings = DEFAULT_SEMINAR_SETTINGS): SeminarService {
  let service = services.get(store);
  if (!service) services.set(store, (service = new SeminarService(store, changePipelineFor(store), settings)));
  return service;
}
