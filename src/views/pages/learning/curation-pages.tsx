import { dilemmaRoles, dilemmaThemes } from '../../../domain/learning/dilemma-content.js';
import type { DilemmaForm } from '../../../domain/learning/dilemma-form.js';
import type { OpenedProposal } from '../../../domain/learning/open-proposal.js';
import type { CuratedLibrary, DilemmaEditor } from '../../../domain/learning/view-curated-library.js';
import type { MessageKey } from '../../../i18n/index.js';
import { formatCount, formatDate } from '../../format.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** The ethics panel's library: every dilemma with its status, submissions waiting, and the threshold for showing choices. */
export function CuratedLibraryPage(props: { library: CuratedLibrary }) {
  const { t, lang, href } = useUi();
  const l = props.library;
  const waiting = l.proposals.filter((p) => p.status === 'new');
  return (
    <>
      <H1>{t('learning.curate.title')}</H1>
      <P lead>{t('learning.curate.lead')}</P>
      <H2>{t('learning.curate.proposals')}</H2>
      {waiting.length === 0 ? <P>{t('learning.curate.noProposals')}</P> : (
        <List>
          {waiting.map((p) => (
            <Item>
              <Link href={href(`/staff/library/proposals/${p.id}`)}>{t(`learning.curate.source.${p.source}` as MessageKey)}, {formatDate(p.receivedOn, lang)}</Link>
            </Item>
          ))}
        </List>
      )}
      <H2>{t('learning.curate.dilemmas')}</H2>
      <P><Link href={href('/staff/library/new')}>{t('learning.curate.new')}</Link></P>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('learning.curate.dilemmas')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('learning.curate.dilemma')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('learning.curate.status')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('learning.curate.chosen')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {l.dilemmas.map((d) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row"><Link href={href(`/staff/library/${d.id}`)}>{d.title}</Link></th>
              <td class="utrecht-table__cell">{t(`learning.curate.state.${d.status}` as MessageKey)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatCount(d.chosen, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <H2>{t('learning.curate.minimumTitle')}</H2>
      <ErrorSummary />
      <Form action="/staff/library/minimum">
        <TextField name="minimum" label="learning.curate.minimum" description="learning.curate.minimumHelp" value={String(l.minimum)} inputmode="numeric" maxlength={3} />
        <SubmitButton label="learning.curate.saveMinimum" />
      </Form>
    </>
  );
}

function DilemmaFields(props: { form: DilemmaForm }) {
  const { t } = useUi();
  const f = props.form;
  const pair = (name: string, label: MessageKey, rows: number, max: number, help?: MessageKey) => (
    <>
      <TextArea name={`${name}Nl`} label={{ text: `${t(label)} (${t('learning.curate.dutch')})` }} description={help} value={f[`${name}Nl` as keyof DilemmaForm] as string} rows={rows} maxlength={max} />
      <TextArea name={`${name}En`} label={{ text: `${t(label)} (${t('learning.curate.english')})` }} description={help} value={f[`${name}En` as keyof DilemmaForm] as string} rows={rows} maxlength={max} />
    </>
  );
  return (
    <>
      {pair('title', 'learning.curate.field.title', 1, 120)}
      {pair('situation', 'learning.curate.field.situation', 6, 3000)}
      {pair('question', 'learning.curate.field.question', 2, 500)}
      {pair('options', 'learning.curate.field.options', 5, 2000, 'learning.curate.field.optionsHelp')}
      {pair('values', 'learning.curate.field.values', 4, 2000)}
      {pair('roles', 'learning.curate.field.roles', 4, 2000)}
      {pair('pressure', 'learning.curate.field.pressure', 4, 2000, 'learning.curate.field.pressureHelp')}
      {pair('reflection', 'learning.curate.field.reflection', 8, 4000)}
      {pair('prompts', 'learning.curate.field.prompts', 4, 1600, 'learning.curate.field.promptsHelp')}
      <ChoiceGroup name="themes" legend="learning.library.theme" multiple choices={dilemmaThemes.map((theme) => ({ value: theme, label: t(`learning.theme.${theme}` as MessageKey) }))} selected={f.themes} />
      <ChoiceGroup name="roleTags" legend="learning.library.role" multiple choices={dilemmaRoles.map((role) => ({ value: role, label: t(`learning.role.${role}` as MessageKey) }))} selected={f.roleTags} />
    </>
  );
}

/** Writing or editing a dilemma, in both languages; publishing and withdrawing are separate buttons. */
export function DilemmaEditorPage(props: { editor: DilemmaEditor; fromProposal?: OpenedProposal | null }) {
  const { t, href } = useUi();
  const e = props.editor;
  const action = e.id ? `/staff/library/${e.id}` : '/staff/library/new';
  return (
    <>
      <H1>{e.id ? t('learning.curate.edit') : t('learning.curate.new')}</H1>
      {e.id ? <P>{t('learning.curate.statusIs', { status: t(`learning.curate.state.${e.status}` as MessageKey) })}</P> : <P>{t('learning.curate.draftFirst')}</P>}
      {props.fromProposal ? (
        <section aria-labelledby="proposal-heading" class="app-destination">
          <H2 id="proposal-heading">{t('learning.curate.proposalText')}</H2>
          <P>{t('learning.curate.rewriteLead')}</P>
          <P>{props.fromProposal.text.situation}</P>
          {props.fromProposal.text.question ? <P><strong>{props.fromProposal.text.question}</strong></P> : null}
        </section>
      ) : null}
      <ErrorSummary />
      <Form action={action}>
        {props.fromProposal ? <input type="hidden" name="fromProposal" value={props.fromProposal.id} /> : null}
        <DilemmaFields form={e.form} />
        <SubmitButton label="learning.curate.save" />
      </Form>
      {e.id ? (
        <div class="app-button-row">
          {e.status !== 'published' ? (
            <Form action={`/staff/library/${e.id}/status`} inline>
              <input type="hidden" name="status" value="published" />
              <SubmitButton label="learning.curate.publish" />
            </Form>
          ) : (
            <Form action={`/staff/library/${e.id}/status`} inline>
              <input type="hidden" name="status" value="withdrawn" />
              <SubmitButton label="learning.curate.withdraw" secondary />
            </Form>
          )}
        </div>
      ) : null}
      {props.fromProposal ? (
        <Form action={`/staff/library/proposals/${props.fromProposal.id}/decline`} inline>
          <P>{t('learning.curate.declineLead')}</P>
          <SubmitButton label="learning.curate.decline" secondary />
        </Form>
      ) : null}
      <P><Link href={href('/staff/library')}>{t('learning.curate.back')}</Link></P>
    </>
  );
}
