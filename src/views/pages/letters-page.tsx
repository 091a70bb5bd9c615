import type { LetterView } from '../../domain/letters/list-letters.js';
import { useUi } from '../ui-context.js';
import { ErrorSummary, Form, SubmitButton, TextArea } from '../components/form.js';
import { Alert, H1, H2, Item, Link, List, P } from '../components/text.js';

const languageName = { nl: 'Nederlands', en: 'English' } as const;

/** The commission's standard letters, each with its text and a link to change it. */
export function LettersPage(props: { letters: LetterView[]; saved?: boolean }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('letters.title')}</H1>
      <P lead>{t('letters.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('letters.saved')}</Alert> : null}
      {props.letters.map((letter) => (
        <section aria-labelledby={`letter-${letter.kind}-${letter.language}`}>
          <H2 id={`letter-${letter.kind}-${letter.language}`}>
            {t(`letters.kind.${letter.kind}`)} <span lang={letter.language}>({languageName[letter.language]})</span>
          </H2>
          <P>{t(letter.own ? 'letters.own' : 'letters.standard')}</P>
          <p class="utrecht-paragraph app-answer-text" lang={letter.language}>
            {letter.body}
          </p>
          <P>
            <Link href={href(`/staff/letters/${letter.kind}/${letter.language}`)}>{t('letters.edit', { letter: t(`letters.kind.${letter.kind}`) })}</Link>
          </P>
        </section>
      ))}
    </>
  );
}

/** One letter to change: the text, the placeholders it may use, and the way back to the standard text. */
export function LetterEditPage(props: { letter: LetterView; body?: string }) {
  const { t, href } = useUi();
  const { letter } = props;
  return (
    <>
      <H1>
        {t(`letters.kind.${letter.kind}`)} <span lang={letter.language}>({languageName[letter.language]})</span>
      </H1>
      <P>{t(`letters.help.${letter.kind}`)}</P>
      <ErrorSummary />
      <Form action={`/staff/letters/${letter.kind}/${letter.language}`}>
        <TextArea name="body" label="letters.body" description={{ text: t('letters.placeholders', { list: letter.placeholders.map((p) => `{${p}}`).join(', ') }) }} value={props.body ?? letter.body} rows={12} />
        <SubmitButton label="letters.submit" />
      </Form>
      {letter.own ? (
        <Form action={`/staff/letters/${letter.kind}/${letter.language}`}>
          <input type="hidden" name="reset" value="yes" />
          <P>{t('letters.resetHelp')}</P>
          <SubmitButton label="letters.reset" secondary />
        </Form>
      ) : null}
      <List>
        <Item>
          <Link href={href('/staff/letters')}>{t('letters.back')}</Link>
        </Item>
      </List>
    </>
  );
}
