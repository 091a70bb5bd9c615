import type { DossierModel } from '../src/domain/dossier/read-dossier.js';
import { dossierPdf } from '../src/views/pdf/dossier-pdf.js';
import { percentile, timeEach } from './measure.js';

const paragraph = 'De directeur vroeg het rapport over de inspectie aan te passen, zodat de conclusie milder zou uitvallen. Ik heb dat geweigerd en daarna werd mijn beoordeling uitgesteld. ';

/**
 * The case file's PDF for a long case (`entries` messages and as many timeline entries, each a
 * few paragraphs): made on the server in one request, so its time and size are what a handler waits for.
 */
export async function benchDossierPdf(entries: number, runs = 5): Promise<{ p50Ms: number; bytes: number; heapMb: number }> {
  const at = new Date(Date.UTC(2026, 10, 1, 9));
  const later = (i: number) => new Date(at.getTime() + i * 3_600_000);
  const model = {
    id: '00000000-0000-4000-8000-000000000001',
    producedAt: later(entries * 2),
    producedBy: 'Secretaris',
    purpose: 'legal_procedure',
    reason: 'Beroepszaak bij de rechtbank.',
    frame: { legalFrame: true, jointDecision: true },
    view: {
      id: '00000000-0000-4000-8000-000000000002',
      number: 'IC-2026-0042',
      organisationName: null,
      route: { code: 'commission', name: { nl: 'Melden bij de onafhankelijke integriteitscommissie', en: 'Report to the independent integrity commission' } },
      definition: { steps: [] },
      status: 'in_handling',
      shownStatus: 'in_handling',
      anonymity: 'anonymous',
      receivedAt: at,
      deadlines: { acknowledgeBy: '2026-11-08', feedbackBy: '2027-02-08', legalFeedbackBy: '2027-02-08' },
      beyondLegalTerm: false,
      wroteAfterClosing: false,
      timeZone: 'Europe/Amsterdam',
      answers: {},
      language: 'nl',
      messages: Array.from({ length: entries }, (_, i) => ({ id: String(i), author: i % 2 ? 'handler' : 'reporter', text: paragraph.repeat(3), type: 'message', content: {}, createdAt: later(i) })),
      attachments: [],
      notes: [],
    },
    timeline: Array.from({ length: entries }, (_, i) => ({
      id: String(i),
      at: later(entries + i),
      author: 'Lid van de commissie',
      title: 'timeline.intervention',
      facts: [
        { label: 'interventions.who', value: { text: 'Externe onderzoeker' } },
        { label: 'interventions.what', value: { text: paragraph.repeat(2) } },
      ],
    })),
    audit: Array.from({ length: entries }, (_, i) => ({ seq: i + 1, at: later(i), actorKind: 'staff', actorName: 'Secretaris', action: 'case.opened', caseId: null, caseNumber: null })),
  } as unknown as DossierModel;
  let bytes = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const times = await timeEach(runs, async () => {
    const pdf = await dossierPdf(model, 'nl');
    bytes = pdf.length;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  });
  return { p50Ms: percentile(times, 50), bytes, heapMb: (heapPeak - heapBefore) / 1024 / 1024 };
}
