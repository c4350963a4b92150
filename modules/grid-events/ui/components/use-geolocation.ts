import { useCallback, useState } from 'react';

export interface Fix {
  lon: number;
  lat: number;
  /** Metres, as the device reports them. */
  accuracy: number;
}

export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/**
 * The device's position (browser geolocation: WGS-84, whatever the phone's map apps use). Needs
 * a secure page (https, or the local address) and the user's consent.
 */
export function useGeolocation() {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<LocateProblem | null>(null);
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = useCallback(
    (onFix: (fix: Fix) => void) => {
      if (!supported) {
        setProblem('unsupported');
        return;
      }
      setLocating(true);
      setProblem(null);
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setLocating(false);
          onFix({
            lon: Number(position.coords.longitude.toFixed(6)),
            lat: Number(position.coords.latitude.toFixed(6)),
            accuracy: Math.round(position.coords.accuracy),
          });
        },
        (error) => {
          setLocating(false);
          setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable');
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    },
    [supported],
  );

  return { locate, locating, problem, supported };
}
