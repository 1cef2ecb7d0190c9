import type { ReactNode } from 'react';
import { useFormContext, type FieldPath } from 'react-hook-form';
import type { FormValues } from '../feedback/formValues.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, fieldId, hintId } from './fieldIds.ts';

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string | undefined;
}

interface ChoicesProps {
  readonly type: 'radio' | 'checkbox';
  readonly name: FieldPath<FormValues>;
  readonly legend: ReactNode;
  /** The question is the page's heading (one question per page). */
  readonly legendIsHeading?: boolean;
  readonly hint?: string | undefined;
  readonly options: ReadonlyArray<ChoiceOption>;
  readonly error: string | undefined;
  readonly children?: ReactNode;
}

/** Radios or checkboxes in a fieldset whose legend is the question; native controls, large targets. */
export function Choices({ type, name, legend, legendIsHeading = false, hint, options, error, children }: ChoicesProps) {
  const { register } = useFormContext<FormValues>();
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint !== undefined, error !== undefined)}>
        <legend className={legendIsHeading ? 'fieldset__legend fieldset__legend--page' : 'fieldset__legend'}>
          {legendIsHeading ? <h1 className="page-heading">{legend}</h1> : legend}
        </legend>
        {hint === undefined ? null : (
          <p className="hint" id={hintId(name)}>
            {hint}
          </p>
        )}
        <ErrorMessage path={name} message={error} />
        <div className={type === 'radio' ? 'radios' : 'checkboxes'}>
          {options.map((option) => {
            const id = fieldId(name, option.value);
            const optionHint = option.hint === undefined ? undefined : `${id}-hint`;
            return (
              <div className="choice" key={option.value}>
                <input
                  className="choice__input"
                  id={id}
                  type={type}
                  value={option.value}
                  aria-describedby={optionHint}
                  aria-invalid={error === undefined ? undefined : true}
                  {...register(name)}
                />
                <label className="choice__label" htmlFor={id}>
                  {option.label}
                </label>
                {optionHint === undefined ? null : (
                  <p className="hint choice__hint" id={optionHint}>
                    {option.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}
