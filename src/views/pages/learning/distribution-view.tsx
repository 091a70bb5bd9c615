import type { Distribution } from '../../../domain/learning/distribution.js';
import { formatCount, formatPercent } from '../../format.js';
import { P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** How a group chose: a table with counts and shares, or, below the minimum, only that it is hidden and why. */
export function DistributionView(props: { distribution: Distribution; options: string[]; chosen?: number | null; caption: string }) {
  const { t, lang } = useUi();
  const d = props.distribution;
  if (!d.shown) return <P>{t('learning.distribution.hidden', { minimum: d.minimum })}</P>;
  return (
    <table class="utrecht-table app-distribution" data-testid="distribution">
      <caption class="utrecht-table__caption">{props.caption} ({t('learning.distribution.total', { total: formatCount(d.total, lang) })})</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">{t('learning.distribution.option')}</th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('learning.distribution.count')}</th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('learning.distribution.share')}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {d.options.map((option, i) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {String.fromCharCode(65 + i)}. {props.options[i]}
              {props.chosen === i + 1 ? <strong> ({t('learning.distribution.yourChoice')})</strong> : null}
            </th>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatCount(option.count, lang)}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatPercent(option.share * 100, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
