import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

export interface NoticeProps {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A boxed message. Errors and warnings are announced at once (role="alert"); information waits its turn
 * (role="status").
 */
export function Notice({ tone = 'info', title, children, className }: NoticeProps) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div role={role} className={['notice', `notice--${tone}`, className].filter(Boolean).join(' ')}>
      {title && <strong className="notice__title">{title}</strong>}
      {children && <div className="notice__body">{children}</div>}
    </div>
  );
}
