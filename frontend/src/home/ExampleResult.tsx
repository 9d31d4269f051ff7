import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '../analysis/api';
import { exampleSpectrogramSvg, EXAMPLE_PREDICTION } from '../analysis/example';
import { HeadingLevel } from '../analysis/headings';
import { ResultView } from '../analysis/result/ResultView';
import { Notice } from '../ui';

/**
 * What a result looks like, for a visitor: the real result components over made-up data, marked as an example at
 * the top. Makes no API call.
 */
export function ExampleResult() {
  const { t } = useTranslation('analysis');
  const picture = useMemo(() => new Blob([exampleSpectrogramSvg()], { type: 'image/svg+xml' }), []);
  const url = useObjectUrl(picture);
  return (
    <div className="example-result" data-testid="example-result">
      {/* Under the home page's h2: the example's title is an h3, its sections h4. */}
      <HeadingLevel level={4}>
        <ResultView
          view={EXAMPLE_PREDICTION}
          spectrogramUrl={url}
          linkReferences={false}
          banner={
            <Notice tone="info" title={t('example.title')}>
              {t('example.body')}
            </Notice>
          }
        />
      </HeadingLevel>
    </div>
  );
}
