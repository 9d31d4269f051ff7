import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { useDeletePrediction, usePredictionPage } from '../analysis/api';
import type { PredictionSummary } from '../analysis/types';
import { downloadAnalysesCsv } from './exportCsv';
import { apiQuery, nextSort, readListParams, writeListParams, type SortKey } from './listParams';
import '../analysis/analysis.css';
import '../community/community.css';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'history.columns.title' },
  { key: 'genre', label: 'history.columns.genre' },
  { key: 'hitProbability', label: 'history.columns.probability' },
  { key: 'createdAt', label: 'history.columns.date' },
];

/** /analyses — my analyses: sortable and paged (both in the address), open, delete, export as CSV, pick to compare. */
export function HistoryPage() {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const problems = useProblemText();
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const page = usePredictionPage(apiQuery(params));
  const remove = useDeletePrediction();
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const [announce, setAnnounce] = useState<string>();
  const captionId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useDocumentTitle(t('history.title'));

  const deletedTitle = (location.state as { deleted?: string } | null)?.deleted;
  useEffect(() => {
    if (deletedTitle !== undefined) setAnnounce(t('history.deleted', { title: deletedTitle || t('untitled') }));
  }, [deletedTitle, t]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function sortBy(key: SortKey) {
    setSearch(writeListParams({ ...params, page: 0, sort: nextSort(params.sort, key) }));
  }

  function goTo(pageNumber: number) {
    setSearch(writeListParams({ ...params, page: pageNumber }));
  }

  function toggle(id: string) {
    setPicked((was) => (was.includes(id) ? was.filter((p) => p !== id) : [...was, id]));
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(undefined);
    try {
      await downloadAnalysesCsv(t('history.exportFileName'));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  function deleteRow(row: PredictionSummary) {
    remove.mutate(row.id, {
      onSuccess: () => {
        setConfirming(undefined);
        setPicked((was) => was.filter((p) => p !== row.id));
        setAnnounce(t('history.deleted', { title: row.title ?? t('untitled') }));
      },
    });
  }

  const data = page.data;
  return (
    <section className="history" aria-labelledby={captionId}>
      <h1 id={captionId}>{t('history.title')}</h1>
      <nav aria-label={t('history.myPages')} className="community__views">
        <ul>
          <li>
            <Link to="/analyses" aria-current="page" className="pill" data-current="true">
              {t('history.myAnalyses')}
            </Link>
          </li>
          <li>
            <Link to="/community/mine" className="pill" data-testid="history-my-posts">
              {t('history.myPosts')}
            </Link>
          </li>
        </ul>
      </nav>
      <div className="history__tools">
        <Link role="button" to="/analyse">
          {t('history.analyseNew')}
        </Link>
        <Button
          variant="secondary"
          disabled={picked.length < 2}
          onClick={() => navigate(`/compare?ids=${picked.map(encodeURIComponent).join(',')}`)}
          data-testid="compare-picked"
        >
          {t('history.compare', { count: picked.length })}
        </Button>
        <Button variant="plain" busy={exporting} onClick={() => void exportCsv()} data-testid="export-csv">
          {t('history.export')}
        </Button>
      </div>
      <p className="history__hint">{t('history.pickHint')}</p>
      {exportError !== undefined && <Notice tone="error">{problems.message(exportError)}</Notice>}
      {remove.error && <Notice tone="error">{problems.message(remove.error)}</Notice>}
      <p role="status" className="visually-hidden">
        {announce}
      </p>

      {page.isPending ? (
        <p aria-busy="true">{t('history.loading')}</p>
      ) : page.isError ? (
        <Notice tone="error" title={t('history.loadFailed')}>
          <p>{problems.message(page.error)}</p>
          <Button variant="secondary" onClick={() => void page.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : data && data.totalItems === 0 ? (
        <p data-testid="history-empty">{t('history.empty')}</p>
      ) : data ? (
        <>
          <div className="table-scroll" tabIndex={0} aria-labelledby={captionId} role="region">
            <table className="history__table" data-testid="history-table">
              <caption className="visually-hidden">
                {t('history.caption', { page: data.page + 1, pages: Math.max(1, data.totalPages), total: data.totalItems })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('history.columns.pick')}</span>
                  </th>
                  {COLUMNS.map((column) => {
                    const active = params.sort.key === column.key;
                    return (
                      <th
                        key={column.key}
                        scope="col"
                        aria-sort={active ? (params.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        <button type="button" className="sort-button" onClick={() => sortBy(column.key)} data-testid={`sort-${column.key}`}>
                          {t(column.label)}
                          <span aria-hidden="true" className="sort-button__arrow">
                            {active ? (params.sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                  <th scope="col">{t('history.columns.shared')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('history.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => {
                  const name = row.title ?? t('untitled');
                  return (
                    <tr key={row.id} data-testid="history-row">
                      <td>
                        <input
                          type="checkbox"
                          checked={picked.includes(row.id)}
                          onChange={() => toggle(row.id)}
                          aria-label={t('history.pick', { title: name })}
                        />
                      </td>
                      <td>
                        <Link to={`/analyses/${encodeURIComponent(row.id)}`}>{name}</Link>
                        {row.artist && <span className="history__artist"> · {row.artist}</span>}
                        {row.demonstration && (
                          <span className="badge badge--demo" title={t('history.demoTitle')}>
                            {t('history.demo')}
                          </span>
                        )}
                      </td>
                      <td>{t(`genre.${row.genre}`)}</td>
                      <td className="num">{format.percent(row.hitProbability)}</td>
                      <td>
                        <time dateTime={row.createdAt}>{format.dateTime(row.createdAt)}</time>
                      </td>
                      <td>{row.shared ? t('history.sharedYes') : t('history.sharedNo')}</td>
                      <td className="history__row-actions">
                        {confirming === row.id ? (
                          <span>
                            <span className="visually-hidden">{t('history.confirmDelete', { title: name })} </span>
                            <button type="button" ref={confirmButton} className="danger" disabled={remove.isPending} onClick={() => deleteRow(row)}>
                              {t('history.deleteYes')}
                            </button>{' '}
                            <button type="button" className="outline secondary" onClick={() => setConfirming(undefined)}>
                              {t('history.deleteNo')}
                            </button>
                          </span>
                        ) : (
                          <button
                            type="button"
                            className="outline secondary"
                            onClick={() => setConfirming(row.id)}
                            aria-label={t('history.delete', { title: name })}
                          >
                            {t('history.deleteShort')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('history.pager')}>
            <Button variant="plain" disabled={data.page <= 0} onClick={() => goTo(data.page - 1)}>
              {t('history.previous')}
            </Button>
            <span>{t('history.pageOf', { page: data.page + 1, pages: Math.max(1, data.totalPages) })}</span>
            <Button variant="plain" disabled={data.page + 1 >= data.totalPages} onClick={() => goTo(data.page + 1)}>
              {t('history.next')}
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
