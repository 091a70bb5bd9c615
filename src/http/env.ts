import type { Language, Translate } from '../i18n/index.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import type { StaffSession } from '../domain/sessions/resolve-session.js';

// What the middleware puts on every request's context.
export interface AppEnv {
  Variables: {
    nonce: string;
    /** The strict headers that do not change per request (see middleware/security-headers.ts). */
    securityHeaders: Readonly<Record<string, string>>;
    lang: Language;
    t: Translate;
    /** Adds ?lang=en to internal links when English was chosen (no cookie is used for language). */
    href: (path: string) => string;
    session: StaffSession | null;
    csrfToken: (action: string) => string;
    /** The pre-session cookie's value once this request has read or set it (see pre-session.ts). */
    preSession: string | undefined;
    /** The organisation this request is for (see middleware/organisation.ts); null before setup. */
    organisation: Organisation | null;
    /** "/o/<slug>" when the request came in under an organisation's own address, else "". */
    organisationPrefix: string;
    /** The request's host name, lower case (read once, by middleware/organisation.ts). */
    hostname?: string;
    /** Why the organisation could not be looked up (the database is away), to answer with that instead of "not found". */
    organisationError?: unknown;
    /**
     * The public cache's generation when this request began reading what the cache holds: a page
     * made from it is kept only if nothing changed since (see page-cache.ts).
     */
    cacheGeneration?: number;
  };
}
