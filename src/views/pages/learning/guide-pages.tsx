import type { conversationGuides } from '../../../domain/learning/conversation-guides.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

type Guide = (typeof conversationGuides)['employee'];

/** Which guide: for the one who is asked, or for the one who asks. */
export function GuideIndexPage() {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('learning.guide.title')}</H1>
      <P lead>{t('learning.guide.lead')}</P>
      <List>
        <Item><Link href={href('/good-conversation/employee')}>{t('learning.guide.employee.link')}</Link></Item>
        <Item><Link href={href('/good-conversation/manager')}>{t('learning.guide.manager.link')}</Link></Item>
      </List>
      <P>{t('learning.guide.nothingStored')}</P>
    </>
  );
}

/** A printable preparation guide; nothing on it is stored or sent. */
export function GuidePage(props: { guide: Guide; other: 'employee' | 'manager' }) {
  const { t, lang, href } = useUi();
  const g = props.guide;
  return (
    <article class="app-guide">
      <H1>{g.title[lang]}</H1>
      <P lead>{g.intro[lang]}</P>
      <P>{t('learning.guide.print')}</P>
      {g.sections.map((section) => (
        <section>
          <H2>{section.heading[lang]}</H2>
          {section.intro ? <P>{section.intro[lang]}</P> : null}
          <List>
            {section.points.map((point) => <Item>{point[lang]}</Item>)}
          </List>
        </section>
      ))}
      <P>{t('learning.guide.nothingStored')}</P>
      <p class="utrecht-paragraph app-no-print"><Link href={href(`/good-conversation/${props.other}`)}>{t(props.other === 'manager' ? 'learning.guide.manager.link' : 'learning.guide.employee.link')}</Link></p>
    </article>
  );
}
