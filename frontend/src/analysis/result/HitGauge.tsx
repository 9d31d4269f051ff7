import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { arcPath, gaugeBand, gaugeValue, pointOnArc } from './gauge';

const CX = 100;
const CY = 100;
const R = 80;

/** The hit probability as a half-circle gauge; the number and its band are also written out as text. */
export function HitGauge({ probability, size = 'large' }: { probability: number; size?: 'large' | 'small' }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const id = useId();
  const value = gaugeValue(probability);
  const band = gaugeBand(value);
  const end = pointOnArc(value, CX, CY, R);
  const label = t('gauge.label', { percent: format.percent(value), band: t(`gauge.band.${band}`) });

  return (
    <figure className={`gauge gauge--${size}`} data-band={band} data-testid="hit-gauge">
      <svg viewBox="0 0 200 118" role="img" aria-labelledby={`${id}-text`}>
        <path d={arcPath(1, CX, CY, R)} className="gauge__track" />
        <path d={arcPath(value, CX, CY, R)} className="gauge__value" data-testid="gauge-arc" />
        <circle cx={end.x} cy={end.y} r={9} className="gauge__tip" />
        <text x={CX} y={CY - 6} textAnchor="middle" className="gauge__number" aria-hidden="true">
          {format.percent(value)}
        </text>
      </svg>
      <figcaption id={`${id}-text`} className="gauge__caption">
        {label}
      </figcaption>
    </figure>
  );
}
