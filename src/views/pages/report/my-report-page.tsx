import type { CaseView } from '../../../domain/reports/open-case.js';
import { useUi } from '../../ui-context.js';
import { ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { CaseThread } from './case-thread.js';

export function MyReportPage(props: { view: CaseView; sent?: boolean; draftText?: string; maxFileMegabytes: number }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('myReport.title')}</H1>
      <P lead>{props.view.route.name[lang]}</P>
      {props.sent ? <Alert kind="ok">{t('myReport.sent')}</Alert> : null}
      <CaseThread view={props.view} viewer="reporter" fileHref={(id) => href(`/my-report/files/${id}`)} />
      <H2>{t('myReport.write.title')}</H2>
      <P>{t('myReport.write.help')}</P>
      <ErrorSummary />
      <Form action="/my-report/messages" multipart>
        <TextArea name="text" label="myReport.write.label" value={props.draftText} rows={6} />
        <FileField name="files" label="report.files.label" description={{ text: t('report.files.help', { megabytes: props.maxFileMegabytes }) }} />
        <SubmitButton label="myReport.write.submit" />
      </Form>
      <H2>{t('myReport.leave.title')}</H2>
      <P>{t('myReport.leave.help')}</P>
      <Form action="/my-report/logout">
        <SubmitButton label="myReport.leave.submit" secondary />
      </Form>
    </>
  );
}

export function ReceiptLoginPage(props: { notice?: 'left' | undefined }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('receiptLogin.title')}</H1>
      {props.notice === 'left' ? <Alert kind="ok">{t('receiptLogin.left')}</Alert> : null}
      <P lead>{t('receiptLogin.lead')}</P>
      <ErrorSummary />
      <Form action="/receipt">
        <TextField name="receipt" label="receiptLogin.label" description="receiptLogin.help" inputmode="numeric" autocomplete="off" spellcheck={false} required />
        <SubmitButton label="receiptLogin.submit" />
      </Form>
      <P>{t('receiptLogin.cookie')}</P>
    </>
  );
}
