import { abouts, safeties, wants, type Destination, type RouteFinderAnswers } from '../../domain/route-finder/fit-routes.js';
import type { RouteRow } from '../../domain/routes/get-route.js';
import type { MessageKey } from '../../i18n/index.js';
import { ExternalRoutes } from '../components/external-routes.js';
import { ChoiceGroup, Form, SubmitButton } from '../components/form.js';
import { H1, H2, Link, P } from '../components/text.js';
import { useUi } from '../ui-context.js';

/** Three questions, then every option, with the ones that fit marked: never a single route. */
export function RouteFinderPage(props: { answers: RouteFinderAnswers; fitting: Set<Destination>; routes: RouteRow[]; answered: boolean }) {
  const { t, lang, href } = useUi();
  const a = props.answers;
  const choices = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`finder.${name}.${v}` as MessageKey) }));
  const card = (destination: Destination, title: string, text: string, link: string, linkText: string) => {
    const fits = props.fitting.has(destination);
    return (
      <section aria-labelledby={`dest-${destination}`} class={fits ? 'app-destination app-destination--fits' : 'app-destination'}>
        <H2 id={`dest-${destination}`}>{title}</H2>
        {fits ? <p class="utrecht-paragraph app-fit-label"><strong>{t('finder.fits')}</strong></p> : null}
        <P>{text}</P>
        <P>
          <Link href={link}>{linkText}</Link>
        </P>
      </section>
    );
  };
  return (
    <>
      <H1>{t('finder.title')}</H1>
      <P lead>{t('finder.lead')}</P>
      <Form action="/route-finder">
        <ChoiceGroup name="want" legend="finder.want" choices={choices('want', wants)} selected={a.want ? [a.want] : []} />
        <ChoiceGroup name="about" legend="finder.about" choices={choices('about', abouts)} selected={a.about ? [a.about] : []} />
        <ChoiceGroup name="safe" legend="finder.safe" choices={choices('safe', safeties)} selected={a.safe ? [a.safe] : []} />
        <SubmitButton label="finder.submit" />
      </Form>
      <P>{t(props.answered ? 'finder.allListed' : 'finder.allListedBefore')}</P>
      {card('self_check', t('selfCheck.title'), t('finder.dest.self_check'), href('/self-check'), t('finder.open.self_check'))}
      {card('talk_to_source', t('selfCheck.guide.title'), t('finder.dest.talk_to_source'), href('/good-conversation/employee'), t('finder.open.talk_to_source'))}
      {props.routes.map((route) => card(route.code as Destination, route.name[lang], route.description[lang], href(`/report/${route.code}`), t('routes.start', { route: route.name[lang] })))}
      <div class={props.fitting.has('external') ? 'app-destination app-destination--fits' : 'app-destination'}>
        {props.fitting.has('external') ? <p class="utrecht-paragraph app-fit-label"><strong>{t('finder.fits')}</strong></p> : null}
        <ExternalRoutes />
      </div>
    </>
  );
}
