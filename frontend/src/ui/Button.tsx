import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'plain';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a busy state and refuses a second press while the work runs. */
  busy?: boolean;
}

const classes: Record<ButtonVariant, string | undefined> = {
  primary: undefined,
  secondary: 'secondary',
  danger: 'danger',
  plain: 'outline secondary',
};

export function Button({ variant = 'primary', busy = false, type = 'button', className, disabled, children, ...rest }: ButtonProps) {
  const joined = [classes[variant], className].filter(Boolean).join(' ') || undefined;
  return (
    <button type={type} className={joined} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}
