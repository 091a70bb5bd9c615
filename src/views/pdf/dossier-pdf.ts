import type { DossierModel } from '../../domain/dossier/read-dossier.js';
import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../format.js';
import { shownText } from '../components/timeline.js';
import { answerRows } from '../pages/report/answer-list.js';
import { messageHeading } from '../pages/report/case-thread.js';
import { auditActionLabel } from '../pages/audit-page.js';
import { PdfWriter } from './pdf-writer.js';

/** The case file as a PDF made on the server: the same sections, in the same words, as its printable page. */
export async function dossierPdf(model: DossierModel, lang: Language): Promise<Uint8Array> {
  const t = translator(lang);
  const v = model.view;
  const when = (date: Date) => formatDateTime(date, lang, v.timeZone);
  const pdf = await PdfWriter.create({ title: t('dossier.title', { number: v.number }), language: lang === 'en' ? 'en-GB' : 'nl-NL', created: model.producedAt });

  pdf.heading(t('dossier.title', { number: v.number }), 1);
  pdf.text(t('dossier.confidential'), { bold: true });
  pdf.field(t('dossier.route'), v.route.name[lang]);
  if (v.organisationName) pdf.field(t('dossier.organisation'), v.organisationName);
  pdf.field(t('dossier.anonymity'), t(`case.anonymity.${v.anonymity}` as MessageKey));
  pdf.field(t('case.status'), t(`case.status.${v.shownStatus}` as MessageKey));
  pdf.field(t('case.received'), when(v.receivedAt));
  pdf.field(t('case.acknowledgeBy'), formatDate(v.deadlines.acknowledgeBy, lang));
  pdf.field(t('case.feedbackBy'), formatDate(v.deadlines.feedbackBy, lang) + (v.beyondLegalTerm ? ` · ${t('case.beyondLegalTerm', { date: formatDate(v.deadlines.legalFeedbackBy, lang) })}` : ''));
  pdf.field(t('dossier.producedBy'), `${model.producedBy ?? t('audit.actor.staff')}, ${when(model.producedAt)}`);
  pdf.field(t('dossier.purpose'), t(`dossier.purpose.${model.purpose}` as MessageKey));
  pdf.field(t('dossier.reason'), model.reason);
  pdf.text(t('dossier.noIdentity'));

  pdf.heading(t('case.report'));
  const answers = answerRows(t, lang, v.definition, v.answers);
  if (answers.length === 0) pdf.text(t('report.review.nothing'));
  for (const row of answers) pdf.field(row.label, row.value);

  pdf.heading(t('case.messages'));
  if (v.messages.length === 0) pdf.text(t('case.noMessages'));
  for (const m of v.messages) {
    pdf.heading(`${t(m.author === 'reporter' ? 'case.fromReporter' : 'case.fromHandler')} · ${when(m.createdAt)}`, 3);
    const heading = messageHeading(t, lang, m);
    if (heading) pdf.text(heading, { bold: true });
    if (m.text) pdf.text(m.text);
  }

  pdf.heading(t('case.files'));
  if (v.attachments.length === 0) pdf.text(t('case.noFiles'));
  v.attachments.forEach((file, index) => {
    pdf.text(`${String(index + 1).padStart(2, '0')}. ${file.name} (${Math.max(1, Math.round(file.size / 1024))} kB, ${t(file.author === 'reporter' ? 'case.fromReporter' : 'case.fromHandler')}, ${when(file.createdAt)})`);
  });

  pdf.heading(t('dossier.timeline'));
  if (model.timeline.length === 0) pdf.text(t('dossier.noTimeline'));
  for (const entry of model.timeline) {
    pdf.heading(`${t(entry.title)} · ${entry.author ?? t('audit.actor.staff')} · ${when(entry.at)}`, 3);
    for (const fact of entry.facts) pdf.field(t(fact.label), shownText(t, lang, fact.value));
  }

  pdf.heading(t('dossier.audit'));
  for (const row of model.audit) {
    const who = row.actorName ?? t(`audit.actor.${row.actorKind}` as MessageKey);
    pdf.text(`${row.seq} · ${when(row.at)} · ${who} · ${auditActionLabel(t, row.action)}`);
  }

  if (pdf.replaced) {
    pdf.gap();
    pdf.text(t('dossier.pdf.replaced'));
  }
  return pdf.finish((page, pages) => t('dossier.pdf.footer', { number: v.number, page, pages }));
}
