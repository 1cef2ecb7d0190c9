import { useFormContext, type FieldPath } from 'react-hook-form';
import type { FormValues } from '../feedback/formValues.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, fieldId, hintId } from './fieldIds.ts';

interface TextFieldProps {
  readonly name: FieldPath<FormValues>;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error: string | undefined;
  readonly type?: 'text' | 'email' | 'tel';
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'email' | 'tel';
  readonly optionalText?: string | undefined;
}

export function TextField({ name, label, hint, error, type = 'text', autoComplete = 'off', inputMode, optionalText }: TextFieldProps) {
  const { register } = useFormContext<FormValues>();
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <label className="label" htmlFor={fieldId(name)}>
        {label} {optionalText === undefined ? null : <span className="optional">{optionalText}</span>}
      </label>
      {hint === undefined ? null : (
        <p className="hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      <ErrorMessage path={name} message={error} />
      <input
        className="input"
        id={fieldId(name)}
        type={type}
        dir="auto"
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={type === 'text'}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(name, hint !== undefined, error !== undefined)}
        {...register(name)}
      />
    </div>
  );
}
