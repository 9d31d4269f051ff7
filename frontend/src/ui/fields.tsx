import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldChrome {
  label: ReactNode;
  /** Plain words about what is wrong; shown under the control and announced with it. */
  error?: string;
  /** A standing explanation (e.g. the password rule), announced with the control. */
  hint?: ReactNode;
}

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const controlId = id ?? `f${generated}`;
  return { controlId, hintId: `${controlId}-hint`, errorId: `${controlId}-error` };
}

function describedBy(hint: ReactNode, error: string | undefined, ids: { hintId: string; errorId: string }) {
  const parts = [error ? ids.errorId : undefined, hint ? ids.hintId : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function Messages({ hint, error, hintId, errorId }: { hint?: ReactNode; error?: string; hintId: string; errorId: string }) {
  return (
    <>
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
      {hint && <small id={hintId}>{hint}</small>}
    </>
  );
}

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

/** A labelled input whose error and hint are tied to it with aria-describedby / aria-invalid. */
export function TextField({ label, error, hint, id, ...input }: TextFieldProps) {
  const ids = useFieldIds(id);
  return (
    <div className="field">
      <label htmlFor={ids.controlId}>{label}</label>
      <input id={ids.controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hint, error, ids)} {...input} />
      <Messages hint={hint} error={error} {...ids} />
    </div>
  );
}

export type TextAreaProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>;

export function TextArea({ label, error, hint, id, ...area }: TextAreaProps) {
  const ids = useFieldIds(id);
  return (
    <div className="field">
      <label htmlFor={ids.controlId}>{label}</label>
      <textarea id={ids.controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hint, error, ids)} {...area} />
      <Messages hint={hint} error={error} {...ids} />
    </div>
  );
}

export type SelectProps = FieldChrome & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode };

export function Select({ label, error, hint, id, children, ...select }: SelectProps) {
  const ids = useFieldIds(id);
  return (
    <div className="field">
      <label htmlFor={ids.controlId}>{label}</label>
      <select id={ids.controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hint, error, ids)} {...select}>
        {children}
      </select>
      <Messages hint={hint} error={error} {...ids} />
    </div>
  );
}
