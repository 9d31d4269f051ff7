import type { RouteObject } from 'react-router';
import { AnalysePage } from './upload/AnalysePage';
import { ResultPage } from './result/ResultPage';
import { HistoryPage } from '../history/HistoryPage';
import { ComparePage } from '../compare/ComparePage';

/**
 * The analysis journey's screens. The app's router puts them under its layout and behind sign-in, so none of
 * them checks the session itself.
 */
export const analysisRoutes: RouteObject[] = [
  { path: '/analyse', element: <AnalysePage /> },
  { path: '/analyses', element: <HistoryPage /> },
  { path: '/analyses/:id', element: <ResultPage /> },
  { path: '/compare', element: <ComparePage /> },
];
