/**
 * The verdict on `npm audit --omit=dev --json` output, apart from running it, so that
 * it can be tested on canned reports: high and critical findings fail unless the
 * allowlist (security/audit-allowlist.json) names the package with a reason; an audit
 * that could not reach the advisory service is "unreachable", never a pass or a fail.
 */

export type AllowEntry = { package: string; reason: string; until?: string };
export type Finding = { package: string; severity: string; title: string; allowed?: string };
export type Verdict = { kind: 'pass'; findings: Finding[] } | { kind: 'fail'; findings: Finding[]; blocking: Finding[] } | { kind: 'unreachable'; reason: string };

const BLOCKING = new Set(['high', 'critical']);

type AuditReport = {
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
  uri?: string;
  vulnerabilities?: Record<string, { severity: string; via: (string | { title?: string; url?: string })[] }>;
};

export function auditVerdict(report: AuditReport, allowlist: AllowEntry[], today = new Date().toISOString().slice(0, 10)): Verdict {
  if (!report.vulnerabilities) {
    const why = report.message ?? report.error?.summary ?? report.error?.code ?? 'npm audit printed no report';
    return { kind: 'unreachable', reason: `${why}${report.uri ? ` (${report.uri})` : ''}` };
  }
  const allowed = new Map(allowlist.filter((a) => !a.until || a.until >= today).map((a) => [a.package, a.reason]));
  const findings: Finding[] = Object.entries(report.vulnerabilities).map(([name, v]) => {
    const titles = v.via.map((x) => (typeof x === 'string' ? `through ${x}` : (x.title ?? x.url ?? 'advisory')));
    const reason = allowed.get(name);
    return { package: name, severity: v.severity, title: titles.join('; '), ...(reason ? { allowed: reason } : {}) };
  });
  const blocking = findings.filter((f) => BLOCKING.has(f.severity) && !f.allowed);
  return blocking.length ? { kind: 'fail', findings, blocking } : { kind: 'pass', findings };
}
