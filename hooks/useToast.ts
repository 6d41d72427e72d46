import { useEffect, useRef, useState } from 'preact/hooks';
import type { ToastMessage } from '../components/Toast';

/** One toast at a time; each hides itself after `ms`. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (next: ToastMessage | undefined, ms = 3000) => {
    clearTimeout(timer.current);
    setToast(next);
    if (next) timer.current = setTimeout(() => setToast(undefined), ms);
  };
  return { toast, show };
}
