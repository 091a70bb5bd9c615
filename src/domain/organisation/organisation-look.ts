// The part of an organisation's look it may set: NL Design System tokens by name, each a colour.
// Only these names are ever written into its style sheet, and only as #rrggbb, so a stored theme
// cannot carry anything else into a page.
export const BUTTON_TOKENS = [
  '--utrecht-button-primary-action-background-color',
  '--utrecht-button-primary-action-border-color',
  '--utrecht-button-primary-action-hover-background-color',
  '--utrecht-button-primary-action-hover-border-color',
  '--utrecht-button-primary-action-active-background-color',
  '--utrecht-button-primary-action-focus-background-color',
] as const;
export const LINK_TOKENS = ['--utrecht-link-color', '--utrecht-link-visited-color', '--utrecht-link-hover-color', '--utrecht-link-active-color'] as const;

const HEX = /^#[0-9a-f]{6}$/;

/** The theme's two colours as the settings form shows them ('' for the standard look). */
export function themeColours(theme: Record<string, string>): { buttonColour: string; linkColour: string } {
  return { buttonColour: theme[BUTTON_TOKENS[0]] ?? '', linkColour: theme[LINK_TOKENS[0]] ?? '' };
}

/** The tokens for two colours (either may be absent: the standard look). */
export function themeTokens(colours: { buttonColour: string | null; linkColour: string | null }): Record<string, string> {
  const tokens: Record<string, string> = {};
  if (colours.buttonColour) for (const name of BUTTON_TOKENS) tokens[name] = colours.buttonColour;
  if (colours.linkColour) for (const name of LINK_TOKENS) tokens[name] = colours.linkColour;
  return tokens;
}

/** The organisation's style sheet: its allowed tokens on the theme class, nothing else. */
export function themeStyleSheet(theme: Record<string, string>): string {
  const allowed = new Set<string>([...BUTTON_TOKENS, ...LINK_TOKENS]);
  const lines = Object.entries(theme)
    .filter(([name, value]) => allowed.has(name) && HEX.test(value))
    .map(([name, value]) => `  ${name}: ${value};`);
  return lines.length ? `.utrecht-theme {\n${lines.join('\n')}\n}\n` : '';
}

/** WCAG 2.1 contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
