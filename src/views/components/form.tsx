import type { Child } from 'hono/jsx';
import { REFUSAL_FIELD } from '../../domain/errors.js';
import { CSRF_FIELD } from '../../http/middleware/csrf.js';
import { translateKey, type MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';

// Form building blocks on NL Design System classes. Every field has a visible label, its errors
// are tied to it with aria-describedby, and every form carries its CSRF token.

/** A catalogue key, or text that comes from data (questionnaires are stored in both languages). */
export type Label = MessageKey | { text: string };

function useLabel(label: Label): string {
  const { t } = useUi();
  return typeof label === 'string' ? t(label) : label.text;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

function useFieldError(name: string): string | null {
  const { t, errors } = useUi();
  const error = errors.find((e) => e.field === name);
  return error ? translateKey(t, error.message) : null;
}

export function Form(props: { action: string; method?: 'post' | 'get'; inline?: boolean; multipart?: boolean; autocompleteOff?: boolean; children?: Child }) {
  const { href, csrf } = useUi();
  return (
    <form
      action={href(props.action)}
      method={props.method ?? 'post'}
      class={props.inline ? 'app-inline-form' : 'app-form'}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      autocomplete={props.autocompleteOff ? 'off' : undefined}
      novalidate
    >
      {props.method === 'get' ? (
        // A GET form replaces the action's query string, so the chosen language rides along as a field.
        [...new URL(href(props.action), 'http://x').searchParams].map(([name, value]) => <input type="hidden" name={name} value={value} />)
      ) : (
        <input type="hidden" name={CSRF_FIELD} value={csrf(props.action)} />
      )}
      {props.children}
    </form>
  );
}

/** Lists every error at the top of the form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary() {
  const { t, errors } = useUi();
  if (errors.length === 0) return null;
  // A refusal (the step is not possible now) is not an input mistake: it gets its own heading.
  const refused = errors.every((error) => error.field === REFUSAL_FIELD);
  return (
    <div class="utrecht-alert utrecht-alert--error app-error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 class="utrecht-heading-2" id="error-summary-title">{t(refused ? 'form.errorSummary.refusedTitle' : 'form.errorSummary.title')}</h2>
      <ul class="utrecht-unordered-list">
        {errors.map((error) => (
          <li class="utrecht-unordered-list__item">
            {error.field === 'form' || error.field === REFUSAL_FIELD ? (
              translateKey(t, error.message)
            ) : (
              <a class="utrecht-link" href={`#${fieldId(error.field)}`}>{translateKey(t, error.message)}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: Label;
  description?: Label;
  value?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'date';
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email';
  required?: boolean;
  maxlength?: number;
  spellcheck?: boolean;
}

function Described(props: { id: string; description?: Label | undefined; error: string | null }) {
  const description = props.description ? useLabel(props.description) : null;
  return (
    <>
      {description ? (
        <div class="utrecht-form-field-description" id={`${props.id}-description`}>{description}</div>
      ) : null}
      {props.error ? (
        <div class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </div>
      ) : null}
    </>
  );
}

function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, description, error and input slot: the frame every single-input field shares. */
function FieldFrame(props: { id: string; label: Label; description?: Label | undefined; error: string | null; children?: Child }) {
  const label = useLabel(props.label);
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>{label}</label>
      </div>
      <Described id={props.id} description={props.description} error={props.error} />
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

export function TextField(props: FieldProps) {
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  return (
    <FieldFrame id={id} label={props.label} description={props.description} error={error}>
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          required={props.required}
          aria-required={props.required ? 'true' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, props.description, error)}
          maxlength={props.maxlength}
          spellcheck={props.spellcheck === false ? false : undefined}
        />
    </FieldFrame>
  );
}

export function TextArea(props: { name: string; label: Label; description?: Label | undefined; value?: string | undefined; maxlength?: number; rows?: number }) {
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  return (
    <FieldFrame id={id} label={props.label} description={props.description} error={error}>
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name={props.name}
          rows={props.rows ?? 5}
          maxlength={props.maxlength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, props.description, error)}
        >
          {props.value ?? ''}
        </textarea>
    </FieldFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A group of checkboxes or radio buttons in a fieldset with a legend. */
export function ChoiceGroup(props: {
  name: string;
  legend: Label;
  description?: Label | undefined;
  choices: Choice[];
  selected: readonly string[];
  multiple?: boolean;
}) {
  const legend = useLabel(props.legend);
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  const kind = props.multiple ? 'checkbox' : 'radio';
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(id, props.description, error)}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <Described id={id} description={props.description} error={error} />
      {props.choices.map((choice, index) => {
        const optionId = `${id}-${index}`;
        return (
          <div class={`utrecht-form-field utrecht-form-field--${kind}`}>
            <input
              class={kind === 'checkbox' ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
              type={kind}
              id={optionId}
              name={props.name}
              value={choice.value}
              checked={props.selected.includes(choice.value)}
            />
            <label class={`utrecht-form-label utrecht-form-label--${kind}`} for={optionId}>{choice.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * `formAction`/`plainForm` let one button of a file form post elsewhere, or without the files
 * (only the sending button carries attachments, so every other step stays small).
 */
export function SubmitButton(props: { label: MessageKey; secondary?: boolean; name?: string; value?: string; formAction?: string; plainForm?: boolean }) {
  const { t, href } = useUi();
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      formaction={props.formAction ? href(props.formAction) : undefined}
      formenctype={props.plainForm ? 'application/x-www-form-urlencoded' : undefined}
      class={`utrecht-button utrecht-button--submit ${props.secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
    >
      {t(props.label)}
    </button>
  );
}

/** A file picker for several files, with what is allowed and what happens to the files. */
export function FileField(props: { name: string; label: Label; description?: Label; single?: boolean; accept?: string }) {
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  return (
    <FieldFrame id={id} label={props.label} description={props.description} error={error}>
        <input
          class="app-file-input"
          type="file"
          id={id}
          name={props.name}
          multiple={!props.single}
          accept={props.accept ?? '.pdf,.jpg,.jpeg,.png,.txt,.docx,.xlsx'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, props.description, error)}
        />
    </FieldFrame>
  );
}
