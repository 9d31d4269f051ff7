import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { Button, Notice } from '../../ui';
import { useDownloadMyData } from './api';

/** "Your data": one archive of everything HITTER holds about the member. */
export function YourDataSection() {
  const { t } = useTranslation('account');
  const problems = useProblemText();
  const download = useDownloadMyData();
  return (
    <section className="account-section" aria-labelledby="your-data-title">
      <h2 id="your-data-title">{t('data.title')}</h2>
      <p>{t('data.intro')}</p>
      {download.isError && <Notice tone="error">{problems.message(download.error)}</Notice>}
      {download.isSuccess && <Notice tone="success">{t('data.started')}</Notice>}
      <Button type="button" busy={download.isPending} onClick={() => download.mutate()}>
        {t('data.download')}
      </Button>
    </section>
  );
}
