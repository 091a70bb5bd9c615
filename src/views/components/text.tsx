import type { Child } from 'hono/jsx';

// Thin wrappers so pages read as content, not as class names.
export const H1 = (props: { children?: Child }) => <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">{props.children}</h1>;
export const H2 = (props: { children?: Child; id?: string }) => (
  <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id={props.id}>{props.children}</h2>
);
export const H3 = (props: { children?: Child; id?: string }) => (
  <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id={props.id}>{props.children}</h3>
);
export const P = (props: { children?: Child; lead?: boolean }) => (
  <p class={props.lead ? 'utrecht-paragraph utrecht-paragraph--lead utrecht-paragraph--distanced' : 'utrecht-paragraph utrecht-paragraph--distanced'}>{props.children}</p>
);
export const Link = (props: { href: string; children?: Child }) => (
  <a class="utrecht-link" href={props.href}>{props.children}</a>
);
export const List = (props: { children?: Child }) => <ul class="utrecht-unordered-list">{props.children}</ul>;
export const Item = (props: { children?: Child }) => <li class="utrecht-unordered-list__item">{props.children}</li>;

export function Alert(props: { kind: 'info' | 'ok' | 'warning' | 'error'; children?: Child }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">{props.children}</div>
    </div>
  );
}
