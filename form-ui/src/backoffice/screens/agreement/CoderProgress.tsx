import type { AgreementRoundSummary } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session.tsx';

/** Each coder's progress as counts only: never which themes anyone chose. */
export function CoderProgress({ round }: { round: AgreementRoundSummary }) {
  const { t } = useTranslation('analysis');
  const session = useSession();
  return (
    <ul className="agreement-coders">
      {round.coders.map((coder) => (
        <li key={coder.id}>
          {coder.finished
            ? t('agreement.list.coderDone', { name: coder.displayName })
            : t('agreement.list.coderProgress', { name: coder.displayName, coded: coder.coded, total: round.size })}
          {coder.id === session.user.id ? ` ${t('agreement.list.you')}` : null}
        </li>
      ))}
    </ul>
  );
}
