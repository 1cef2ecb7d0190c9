import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { resetDevice } from './resetDevice.ts';

const IDLE_MS = 2 * 60_000;
const WARNING_MS = 30_000;

/**
 * Kiosk mode for a shared tablet: after two minutes without input a warning counts down, and then the form
 * starts over with nothing of the last person left on the device.
 */
export function KioskGuard({ children, onReset }: { children: ReactNode; onReset: () => void }) {
  const { t } = useTranslation();
  // The countdown is measured against a deadline, so a throttled background tab still resets on time.
  const [deadline, setDeadline] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const idleTimer = useRef<number | undefined>(undefined);
  const moreTime = useRef<HTMLButtonElement>(null);

  const reset = useCallback(() => {
    // Reset first: the draft watcher saves the emptied form, and only then is all storage cleared.
    onReset();
    resetDevice();
  }, [onReset]);

  const restartIdle = useCallback(() => {
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(() => {
      setNow(Date.now());
      setDeadline(Date.now() + WARNING_MS);
    }, IDLE_MS);
  }, []);

  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'] as const;
    const onActivity = () => {
      if (deadline === undefined) restartIdle();
    };
    for (const event of events) window.addEventListener(event, onActivity, { passive: true });
    restartIdle();
    return () => {
      for (const event of events) window.removeEventListener(event, onActivity);
      window.clearTimeout(idleTimer.current);
    };
  }, [restartIdle, deadline]);

  useEffect(() => {
    if (deadline === undefined) return;
    moreTime.current?.focus();
    const tick = window.setInterval(() => {
      const current = Date.now();
      if (current >= deadline) {
        window.clearInterval(tick);
        reset();
      } else {
        setNow(current);
      }
    }, 1000);
    return () => window.clearInterval(tick);
  }, [deadline, reset]);

  const secondsLeft = deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - now) / 1000));

  return (
    <>
      {children}
      {secondsLeft === undefined ? null : (
        <div className="kiosk-warning" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-text">
          <div className="kiosk-warning__box">
            <h2 id="kiosk-warning-title">{t('kiosk.warningTitle')}</h2>
            <p id="kiosk-warning-text">{t('kiosk.warning', { count: secondsLeft })}</p>
            <div className="button-group">
              <button
                ref={moreTime}
                type="button"
                className="button"
                onClick={() => {
                  setDeadline(undefined);
                  restartIdle();
                }}
              >
                {t('kiosk.moreTime')}
              </button>
              <button type="button" className="button button--secondary" onClick={reset}>
                {t('kiosk.reset')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
